import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import Synchronization

/// A listener on `/api/v1/coaching/listen` that keeps every message in order (text decoded
/// as `Reply`, binary as bytes) until the test finishes it with a normal close.
final class ListenProbe: Sendable {
    enum Message: Sendable {
        case text(Reply, raw: String)
        case binary([UInt8])

        var reply: Reply? { if case .text(let reply, _) = self { reply } else { nil } }
    }

    /// Shared with the socket task, which starts before `self` exists.
    private final class Received: Sendable {
        let list = Mutex<[Message]>([])
    }

    private let received = Received()
    private let stop: AsyncStream<Void>.Continuation
    private let task: Task<WebSocketCloseFrame?, any Error>

    /// Connects with the driver's bearer token (or `headers` as given) and starts recording.
    /// The client sends `Origin: SCHEME://127.0.0.1` itself (no port): `http` makes it a page's.
    /// `query` (e.g. `?driver=4`) follows the path.
    init(
        port: Int, headers: HTTPFields = [.authorization: "Bearer \(FakeAuthenticator.aliceToken)"], scheme: String = "ws", query: String = ""
    ) {
        let (stopped, stop) = AsyncStream.makeStream(of: Void.self)
        self.stop = stop
        let received = self.received
        var logger = Logger(label: "listen-probe")
        logger.logLevel = .warning
        task = Task {
            try await WebSocketClient.connect(
                url: "\(scheme)://127.0.0.1:\(port)/api/v1/coaching/listen\(query)", configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: headers),
                logger: logger
            ) { inbound, outbound, _ in
                let closer = Task {
                    for await _ in stopped {}
                    if !Task.isCancelled { try? await outbound.close(.normalClosure, reason: nil) }
                }
                defer { closer.cancel() }
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    switch message {
                    case .text(let text):
                        let reply = try JSONDecoder().decode(Reply.self, from: Data(text.utf8))
                        received.list.withLock { $0.append(.text(reply, raw: text)) }
                    case .binary(let buffer):
                        received.list.withLock { $0.append(.binary(Array(buffer.readableBytesView))) }
                    }
                }
            }
        }
    }

    var messages: [Message] { received.list.withLock { $0 } }
    var replies: [Reply] { messages.compactMap(\.reply) }

    /// Waits (at most `seconds`) until `condition` holds for what was received.
    func wait(seconds: Double = 10, for what: String, until condition: @Sendable ([Message]) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition(messages) {
            guard ContinuousClock.now < deadline else { throw TestFailure("listener: no \(what) within \(seconds) s; got \(replies.map(\.type))") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// How the socket ended: the server's close frame, or nil.
    func finish() async throws -> WebSocketCloseFrame? {
        stop.finish()
        return try await withTimeout { try await self.ending() }
    }

    /// Waits for the server to close the socket by itself.
    func closedByServer(seconds: Double = 10) async throws -> WebSocketCloseFrame? {
        try await withTimeout(seconds: seconds) { try await self.ending() }
    }

    /// The socket task's end; a timeout cancels it, so a socket the server never closes fails
    /// the test at the timeout instead of holding it until its time limit.
    private func ending() async throws -> WebSocketCloseFrame? {
        try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }
}
