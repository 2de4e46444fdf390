import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore

/// One live connection driven step by step by a test: send batches, wait for server messages
/// (each stamped with its arrival time), and get the close frame the server ended with.
struct LiveStream: Sendable {
    let outbound: WebSocketOutboundWriter
    let inbox: LiveStreamInbox

    func send(_ batch: ByteBuffer) async throws { try await outbound.write(.binary(batch)) }

    /// Connects with `hello`, waits for `welcome`, runs `body`, then closes normally unless the
    /// server closed first. Returns `body`'s value and the close frame the server sent, if any.
    static func run<T: Sendable>(
        url: String, token: String, hello: String, _ body: @escaping @Sendable (LiveStream, EndToEndReply) async throws -> T
    ) async throws -> (value: T, close: WebSocketCloseFrame?) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        var logger = Logger(label: "live-stream-test")
        logger.logLevel = .critical
        let inbox = LiveStreamInbox()
        let result = ResultBox<T>()
        let close = try await WebSocketClient.connect(url: url, configuration: .init(additionalHeaders: headers), logger: logger) {
            inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        switch message {
                        case .text(let text):
                            await inbox.append(try JSONDecoder().decode(EndToEndReply.self, from: Data(text.utf8)), raw: text)
                        case .binary(let buffer):
                            await inbox.appendBinary(Array(buffer.readableBytesView))
                        }
                    }
                    await inbox.closed()
                }
                try await outbound.write(.text(hello))
                let welcome = try await inbox.next("welcome", after: 0).reply
                await result.set(try await body(LiveStream(outbound: outbound, inbox: inbox), welcome))
                if await !inbox.isClosed { try? await outbound.close(.normalClosure, reason: nil) }
                try await group.next()
                group.cancelAll()
            }
        }
        guard let value = await result.value else { throw TestFailure("the conversation ended without a result") }
        return (value, close)
    }
}

/// Everything the server sent on one connection, in order, with arrival times.
actor LiveStreamInbox {
    struct Received: Sendable {
        let reply: EndToEndReply
        let raw: String
        let at: ContinuousClock.Instant
    }

    private(set) var messages: [Received] = []
    private(set) var binaryCount = 0
    private(set) var isClosed = false

    func append(_ reply: EndToEndReply, raw: String) { messages.append(Received(reply: reply, raw: raw, at: .now)) }
    func appendBinary(_ bytes: [UInt8]) { binaryCount += 1 }
    func closed() { isClosed = true }

    var count: Int { messages.count }
    func all(_ type: String) -> [Received] { messages.filter { $0.reply.type == type } }

    /// The first message of `type` at index `after` or later, and its index; waits for it (up
    /// to `seconds`, checking every 5 ms: the arrival time is stamped on receipt, not here).
    func next(
        _ type: String, after start: Int, seconds: Double = 20, where accept: @Sendable (EndToEndReply) -> Bool = { _ in true }
    ) async throws -> (reply: EndToEndReply, at: ContinuousClock.Instant, index: Int) {
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        while ContinuousClock.now < deadline {
            if let index = messages.indices.dropFirst(start).first(where: { messages[$0].reply.type == type && accept(messages[$0].reply) }) {
                return (messages[index].reply, messages[index].at, index)
            }
            if isClosed { throw TestFailure("closed before a \(type) came; last: \(messages.last?.raw ?? "-")") }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw TestFailure("no \(type) within \(seconds) s; last: \(messages.last?.raw ?? "-")")
    }

    /// Waits until the server closed the socket.
    func waitUntilClosed(seconds: Double = 20) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        while !isClosed {
            guard ContinuousClock.now < deadline else { throw TestFailure("the server did not close within \(seconds) s") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

actor ResultBox<T: Sendable> {
    private(set) var value: T?
    func set(_ value: T) { self.value = value }
}
