import Foundation
import HummingbirdWebSocket
import NIOWebSocket

/// The fake gateway: Hello, heartbeat ACKs (unless told to stop), Identify → READY and
/// GUILD_CREATE, Resume → replay of missed dispatches and RESUMED, and on cue Reconnect,
/// Invalid Session, dispatches and dropped connections. It checks that every heartbeat carries
/// the last sequence it sent.
actor FakeGateway {
    enum Command: Sendable {
        case dispatch(name: String, data: Data)
        /// A payload already counted in the session.
        case raw(String)
        case reconnect
        case invalidSession(resumable: Bool)
        /// Closes the socket with this code (4000 resumable, 4004 fatal...).
        case close(code: UInt16)
    }

    struct Identify: Sendable { var token: String; var intents: Int }
    struct Resume: Sendable { var sessionID: String; var sequence: Int?; var path: String }

    let token: String
    /// Long enough that a busy test machine does not look like a zombie connection.
    var heartbeatIntervalMilliseconds = 500
    var acknowledgeHeartbeats = true
    var guildIDs: [String] = ["290926798626357999"]
    var resumeURL = ""
    private(set) var identifies: [Identify] = []
    private(set) var resumes: [Resume] = []
    private(set) var heartbeats: [Int?] = []
    /// Heartbeats whose sequence was not the last one sent.
    private(set) var staleHeartbeats = 0
    private(set) var connections: [String] = []
    private(set) var closeCodesFromClient: [Int] = []
    /// Dispatches sent in the current session, by sequence.
    private var sessionEvents: [(sequence: Int, text: String)] = []
    private var sessionID: String?
    private var sequence = 0
    private var current: (id: Int, continuation: AsyncStream<Command>.Continuation)?

    init(token: String) { self.token = token }

    func configure(resumeURL: String) { self.resumeURL = resumeURL }
    func setAcknowledgeHeartbeats(_ on: Bool) { acknowledgeHeartbeats = on }
    func setHeartbeatInterval(milliseconds: Int) { heartbeatIntervalMilliseconds = milliseconds }
    var lastSequence: Int { sequence }

    /// Sends a command on the live connection; false when none is open.
    @discardableResult
    func send(_ command: Command) -> Bool {
        guard let current else { return false }
        current.continuation.yield(command)
        return true
    }

    /// Adds a dispatch to the session and sends it on the live connection, if any; like
    /// Discord, a dispatch the client missed is replayed when it resumes.
    func dispatch(_ name: String, data: Data) {
        sequence += 1
        let text = #"{"op":0,"s":\#(sequence),"t":"\#(name)","d":\#(String(decoding: data, as: UTF8.self))}"#
        sessionEvents.append((sequence, text))
        send(.raw(text))
    }

    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, path: String) async throws {
        let (commands, continuation) = AsyncStream.makeStream(of: Command.self)
        let id = connections.count
        connections.append(path)
        current?.continuation.finish()
        current = (id, continuation)
        let writer = SerialWriter(outbound: outbound)
        try await writer.send(#"{"op":10,"d":{"heartbeat_interval":\#(heartbeatIntervalMilliseconds)}}"#)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                for await command in commands {
                    if try await self.perform(command, writer: writer, outbound: outbound) { return }
                }
            }
            tasks.addTask {
                var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                while let message = try await messages.next() {
                    guard case .text(let text) = message else { continue }
                    try await self.received(text, writer: writer, path: path)
                }
                continuation.finish()
            }
            try await tasks.next()
            tasks.cancelAll()
        }
        if current?.id == id { current = nil }
    }

    /// Returns true when the connection is done.
    private func perform(_ command: Command, writer: SerialWriter, outbound: WebSocketOutboundWriter) async throws -> Bool {
        switch command {
        case .dispatch(let name, let data):
            try await emit(name, data, writer: writer)
        case .raw(let text):
            try await writer.send(text)
        case .reconnect:
            try await writer.send(#"{"op":7,"d":null}"#)
        case .invalidSession(let resumable):
            if !resumable { sessionID = nil }
            try await writer.send(#"{"op":9,"d":\#(resumable)}"#)
        case .close(let code):
            try await outbound.close(.unknown(code), reason: "fake")
            return true
        }
        return false
    }

    private func received(_ text: String, writer: SerialWriter, path: String) async throws {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let op = object["op"] as? Int
        else { return }
        let payload = object["d"] as? [String: Any]
        switch op {
        case 1:
            let beat = object["d"] as? Int
            heartbeats.append(beat)
            if beat != (sequence == 0 ? nil : sequence) { staleHeartbeats += 1 }
            if acknowledgeHeartbeats { try await writer.send(#"{"op":11}"#) }
        case 2:
            identifies.append(Identify(token: payload?["token"] as? String ?? "", intents: payload?["intents"] as? Int ?? -1))
            guard payload?["token"] as? String == token else { return }
            sessionID = "session\(identifies.count)"
            sequence = 0
            sessionEvents = []
            var ready = (try? DiscordFixtures.object("gateway/ready.json"))?["d"] as? [String: Any] ?? [:]
            ready["session_id"] = sessionID
            ready["resume_gateway_url"] = resumeURL
            ready["application"] = ["id": "100", "flags": 0]
            var user = ready["user"] as? [String: Any] ?? [:]
            user["id"] = FakeDiscord.botUserID
            ready["user"] = user
            try await emit("READY", json(ready), writer: writer)
            for guild in guildIDs {
                try await emit("GUILD_CREATE", json(["id": guild, "name": "Team"]), writer: writer)
            }
        case 6:
            let resume = Resume(sessionID: payload?["session_id"] as? String ?? "", sequence: payload?["seq"] as? Int, path: path)
            resumes.append(resume)
            guard resume.sessionID == sessionID, payload?["token"] as? String == token else {
                try await writer.send(#"{"op":9,"d":false}"#)
                return
            }
            for event in sessionEvents where event.sequence > (resume.sequence ?? 0) { try await writer.send(event.text) }
            sequence += 1
            try await writer.send(#"{"op":0,"s":\#(sequence),"t":"RESUMED","d":{}}"#)
        default:
            break
        }
    }

    private func emit(_ name: String, _ data: Data, writer: SerialWriter) async throws {
        sequence += 1
        let text = #"{"op":0,"s":\#(sequence),"t":"\#(name)","d":\#(String(decoding: data, as: UTF8.self))}"#
        sessionEvents.append((sequence, text))
        try await writer.send(text)
    }
}

/// Serialises writes from the fake's reader and command tasks.
actor SerialWriter {
    let outbound: WebSocketOutboundWriter
    init(outbound: WebSocketOutboundWriter) { self.outbound = outbound }
    func send(_ text: String) async throws { try await outbound.write(.text(text)) }
}
