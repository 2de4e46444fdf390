import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOSSL

/// A driver's client as a sim plug-in would be: one WebSocket with a bearer token, `hello`, then
/// binary frame batches sent as fast as the socket takes them while every server message is read
/// concurrently, so neither side can stall the other.
struct EndToEndLiveClient: Sendable {
    /// `ws://` or `wss://…/api/v1/coaching/live`.
    let url: String
    let token: String
    /// Trust for `wss://` (the test's own certificate); nil for plain `ws://`.
    let tls: TLSConfiguration?

    /// What `onReply` tells the reader to do next.
    enum Next {
        case keepReading
        /// Stop at once (the socket is closed with 1000).
        case stop
        /// Keep reading until the server has been silent for `quietPeriod`, then close with 1000
        /// and read what is left until the server's close. An `ack` is sent *before* the messages
        /// of the same drain (a `lap` follows its ack), so the last ack is not the last message.
        case closeWhenQuiet
    }

    /// No message for this long after `closeWhenQuiet` means the server has nothing more to say:
    /// the messages of one drain are written back to back, microseconds apart.
    static let quietPeriod = Duration.seconds(1)

    /// Sends `hello`, waits for `welcome`, then streams `batches` while reading replies until
    /// `onReply` says stop (or the server closes). Returning closes the socket with 1000.
    /// - Parameter connectionMayDie: when true (a server killed on purpose), a connection that
    ///   fails after `welcome` still yields what was received, with the error in `endedWith`.
    /// - Parameter afterWelcome: runs once `welcome` is in, before the first batch is sent.
    func stream(
        hello: String, batches: [ByteBuffer], connectionMayDie: Bool = false,
        afterWelcome: (@Sendable () async throws -> Void)? = nil,
        onReply: @escaping @Sendable (EndToEndReply) -> Next
    ) async throws -> EndToEndTranscript {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        var logger = Logger(label: "e2e-client")
        logger.logLevel = .warning
        let box = TranscriptBox()
        do {
            try await connect(
                headers: headers, logger: logger, hello: hello, batches: batches, box: box, afterWelcome: afterWelcome, onReply: onReply)
        } catch {
            guard connectionMayDie, await box.hasWelcome else { throw error }
            await box.set(endedWith: "\(error)")
        }
        return try await box.transcript()
    }

    private func connect(
        headers: HTTPFields, logger: Logger, hello: String, batches: [ByteBuffer], box: TranscriptBox,
        afterWelcome: (@Sendable () async throws -> Void)?, onReply: @escaping @Sendable (EndToEndReply) -> Next
    ) async throws {
        _ = try await WebSocketClient.connect(
            url: url,
            // SNI cannot carry an IP address; the test certificate also names "localhost".
            configuration: .init(additionalHeaders: headers, sniHostname: tls == nil ? nil : "localhost"),
            tlsConfiguration: tls, logger: logger
        ) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await outbound.write(.text(hello))
            let welcome = try await Self.nextReply(&messages)
            guard let welcome, welcome.reply.type == "welcome" else {
                throw TestFailure("expected welcome, got \(welcome?.raw ?? "a closed socket")")
            }
            await box.set(welcome: welcome.reply)
            try await afterWelcome?()
            let silence = SilenceWatch()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for batch in batches { try await outbound.write(.binary(batch)) }
                }
                var closing = false
                reading: while let next = try await Self.nextReply(&messages) {
                    await box.append(next)
                    await silence.heard()
                    switch onReply(next.reply) {
                    case .keepReading: continue
                    case .stop: break reading
                    case .closeWhenQuiet:
                        guard !closing else { continue }
                        closing = true
                        group.addTask {
                            await silence.waitForSilence(Self.quietPeriod)
                            try await outbound.close(.normalClosure, reason: nil)
                        }
                    }
                }
                // The reader decides when the conversation is over; a sender still writing is not needed.
                group.cancelAll()
                while !group.isEmpty { _ = try? await group.next() }
            }
        }
    }

    private static func nextReply(
        _ messages: inout WebSocketInboundMessageStream.AsyncIterator
    ) async throws -> (reply: EndToEndReply, raw: String)? {
        while let message = try await messages.next() {
            guard case .text(let text) = message else { throw TestFailure("the server sent a binary message") }
            return (try JSONDecoder().decode(EndToEndReply.self, from: Data(text.utf8)), text)
        }
        return nil
    }
}

/// When the server last said something.
actor SilenceWatch {
    private var last = ContinuousClock.now

    func heard() { last = .now }

    /// Returns once nothing was heard for `period`.
    func waitForSilence(_ period: Duration) async {
        while ContinuousClock.now - last < period {
            try? await Task.sleep(until: last + period)
        }
    }
}

/// Collects the replies across the client's tasks (and survives a connection that ends in an error).
actor TranscriptBox {
    private var welcome: EndToEndReply?
    private var replies: [(reply: EndToEndReply, raw: String)] = []
    private var endedWith: String?

    var hasWelcome: Bool { welcome != nil }

    func set(welcome: EndToEndReply) { self.welcome = welcome }
    func set(endedWith error: String) { endedWith = error }
    func append(_ reply: (reply: EndToEndReply, raw: String)) { replies.append(reply) }

    func transcript() throws -> EndToEndTranscript {
        guard let welcome else { throw TestFailure("no welcome received") }
        return EndToEndTranscript(welcome: welcome, replies: replies, endedWith: endedWith)
    }
}
