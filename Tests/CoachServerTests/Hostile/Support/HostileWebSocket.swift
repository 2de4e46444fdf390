import Foundation
import NIOCore
import NIOSSL

/// A live-protocol client made of raw bytes on a `HostileSocket`: it upgrades, frames and reads
/// as told, so a test can misbehave at any point and still read what the server answered.
struct HostileWebSocket: Sendable {
    let socket: HostileSocket

    static let livePath = "/api/v1/coaching/live"

    /// Connects and upgrades; throws unless the server answers 101.
    static func connect(
        port: Int, path: String = livePath, token: String? = FakeAuthenticator.aliceToken, tls: TLSConfiguration? = nil,
        receiveBufferBytes: Int? = nil
    ) async throws -> HostileWebSocket {
        let socket = try await HostileSocket.connect(port: port, tls: tls, receiveBufferBytes: receiveBufferBytes)
        let response = try await upgrade(socket, path: path, token: token)
        guard response.status == 101 else {
            await socket.close()
            throw TestFailure("upgrade refused: \(response.status) \(response.body)")
        }
        return HostileWebSocket(socket: socket)
    }

    /// Sends the upgrade request and returns the server's answer (101, or a refusal with its JSON).
    static func upgrade(_ socket: HostileSocket, path: String = livePath, token: String?) async throws -> RawHTTPResponse {
        try await socket.send(WebSocketWire.upgradeRequest(path: path, token: token))
        return try await socket.read("the upgrade response") { RawHTTPResponse.parse($0) }
    }

    /// Connects, says hello and returns the socket and its session id.
    static func startSession(port: Int, token: String = FakeAuthenticator.aliceToken, tls: TLSConfiguration? = nil) async throws
        -> (HostileWebSocket, session: String)
    {
        let client = try await connect(port: port, token: token, tls: tls)
        try await client.send(text: ClientMessages.hello())
        let welcome = try await client.next("welcome")
        return (client, try welcome.session.orThrow("welcome without a session"))
    }

    func send(_ bytes: [UInt8]) async throws { try await socket.send(bytes) }
    func send(text: String) async throws { try await socket.send(WebSocketWire.text(text)) }
    func send(binary: ByteBuffer) async throws {
        try await socket.send(WebSocketWire.frame(.binary, Array(binary.readableBytesView)))
    }

    /// Sends batch `seq` of `frames` (binary layout).
    func sendBatch(seq: UInt64, _ frames: [ClientMessages.Frame]) async throws {
        try await send(binary: ClientMessages.binaryFrames(seq: seq, frames))
    }

    func nextFrame(timeout: Double = 10) async throws -> WebSocketWire.ServerFrame {
        try await socket.read("a frame", timeout: timeout) { WebSocketWire.parseServerFrame($0) }
    }

    /// The next text message of `type` (others in `skipping` are passed over; anything else fails).
    func next(_ type: String, skipping: Set<String> = ["ack", "delta"], timeout: Double = 10) async throws -> Reply {
        while true {
            let frame = try await nextFrame(timeout: timeout)
            guard frame.opcode == WebSocketWire.Opcode.text.rawValue else {
                if frame.opcode == WebSocketWire.Opcode.close.rawValue {
                    throw TestFailure("closed (\(frame.closeCode.map(String.init) ?? "no code")) while waiting for \(type)")
                }
                continue
            }
            let reply = try JSONDecoder().decode(Reply.self, from: Data(frame.payload))
            if reply.type == type { return reply }
            guard skipping.contains(reply.type) else { throw TestFailure("expected \(type), got \(frame.text)") }
        }
    }

    /// Reads until the server's close frame: the text messages before it, and the close.
    func readUntilClose(timeout: Double = 10) async throws -> (messages: [String], close: WebSocketWire.ServerFrame) {
        var messages: [String] = []
        while true {
            let frame = try await nextFrame(timeout: timeout)
            if frame.opcode == WebSocketWire.Opcode.close.rawValue { return (messages, frame) }
            if frame.opcode == WebSocketWire.Opcode.text.rawValue { messages.append(frame.text) }
        }
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw TestFailure(message) }
        return self
    }
}
