import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// A client of Chromium's DevTools protocol over its WebSocket: numbered commands, each answered
/// by the message with the same id. One page target is attached in flat mode, so every page
/// command carries its `sessionId` on the same socket.
final class DevToolsClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private struct Command: Encodable {
        let id: Int
        let method: String
        let params: JSONValue
        let sessionId: String?
    }

    private struct Answer: Decodable {
        let id: Int?
        let result: JSONValue?
        let error: JSONValue?
    }

    private let outbound: WebSocketOutboundWriter
    private struct State {
        var nextID = 1
        var pending: [Int: CheckedContinuation<JSONValue, any Error>] = [:]
        /// Set once the socket ended: later commands fail at once.
        var ended: (any Error)?
    }

    private let state = Mutex(State())

    private init(outbound: WebSocketOutboundWriter) {
        self.outbound = outbound
    }

    /// Connects to the browser's DevTools socket and runs `body`; then closes the socket.
    static func connect<T: Sendable>(url: String, _ body: @escaping @Sendable (DevToolsClient) async throws -> T) async throws -> T {
        var logger = Logger(label: "devtools")
        logger.logLevel = .warning
        let result = Mutex<Result<T, any Error>?>(nil)
        _ = try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 26), logger: logger) {
            inbound, outbound, _ in
            let client = DevToolsClient(outbound: outbound)
            let reader = Task {
                do {
                    for try await message in inbound.messages(maxSize: 1 << 27) {
                        if case .text(let text) = message { client.received(text) }
                    }
                    client.failAll(Failure(description: "the browser closed its DevTools socket"))
                } catch {
                    client.failAll(error)
                }
            }
            let outcome: Result<T, any Error>
            do { outcome = .success(try await body(client)) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            // The reader ends by itself when the browser answers the close. Cancelling it here
            // instead cancelled the socket's one inbound stream mid-handshake, and the client then
            // threw a bare CancellationError after every check had passed (the old flake).
            try? await outbound.close(.normalClosure, reason: nil)
            await reader.value
        }
        guard let outcome = result.withLock({ $0 }) else { throw Failure(description: "the DevTools session never ran") }
        return try outcome.get()
    }

    /// Sends a command (to the page's session when given) and returns its `result`.
    @discardableResult
    func call(_ method: String, _ params: JSONValue = [:], session: String? = nil) async throws -> JSONValue {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let text = String(decoding: try JSONEncoder().encode(Command(id: id, method: method, params: params, sessionId: session)), as: UTF8.self)
        return try await withCheckedThrowingContinuation { continuation in
            let ended: (any Error)? = state.withLock { state in
                if state.ended == nil { state.pending[id] = continuation }
                return state.ended
            }
            if let ended {
                continuation.resume(throwing: ended)
                return
            }
            Task {
                do { try await outbound.write(.text(text)) } catch { self.resolve(id, with: .failure(error)) }
            }
        }
    }

    private func received(_ text: String) {
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(text.utf8)), let id = answer.id else { return }
        if let error = answer.error {
            resolve(id, with: .failure(Failure(description: "DevTools error: \(error)")))
        } else {
            resolve(id, with: .success(answer.result ?? .null))
        }
    }

    private func resolve(_ id: Int, with result: Result<JSONValue, any Error>) {
        let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
        continuation?.resume(with: result)
    }

    private func failAll(_ error: any Error) {
        let all = state.withLock { state in
            defer { state.pending = [:] }
            state.ended = state.ended ?? error
            return Array(state.pending.values)
        }
        for continuation in all { continuation.resume(throwing: error) }
    }
}
