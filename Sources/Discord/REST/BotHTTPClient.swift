import AsyncHTTPClient
import Synchronization

/// The bot's own HTTP client, made on first use and shut down when the bot stops, so a stopped
/// bot leaves no pooled keep-alive connection open to Discord (the process-wide
/// `HTTPClient.shared` keeps them for a minute; a server being shut down waits for them).
/// After `shutdown` no new client is made: requests fail with a transport error.
final class BotHTTPClient: Sendable {
    private enum State {
        case idle
        case running(HTTPClient)
        case stopped
    }

    private let state = Mutex(State.idle)

    /// The client, made now if this is the first request.
    func client() throws -> HTTPClient {
        try state.withLock { state in
            switch state {
            case .idle:
                let client = HTTPClient(eventLoopGroupProvider: .singleton)
                state = .running(client)
                return client
            case .running(let client):
                return client
            case .stopped:
                throw DiscordError.transport("the bot has stopped; no more requests")
            }
        }
    }

    /// Closes the client's connections; requests still running fail.
    func shutdown() async {
        let client: HTTPClient? = state.withLock { state in
            defer { state = .stopped }
            if case .running(let client) = state { return client }
            return nil
        }
        try? await client?.shutdown()
    }
}
