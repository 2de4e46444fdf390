import Foundation
import Logging
import Storage
import Synchronization

/// Delivers the queued DMs (stored in SQLite, so a restart resumes where it stopped): create
/// the DM channel, then post. A user who blocks DMs (50007) or an unknown user is dropped
/// from the queue; other failures are retried later.
final class DirectMessageWorker: Sendable {
    let rest: DiscordREST
    let repository: DiscordRepository
    let logger: Logger
    /// Pause between passes over the queue when nothing wakes the worker.
    static let retryInterval: Duration = .seconds(30)
    /// Attempts before a DM is given up.
    static let maximumAttempts = 10
    private let wakeups: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init(rest: DiscordREST, repository: DiscordRepository, logger: Logger) {
        self.rest = rest
        self.repository = repository
        self.logger = logger
        (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func wake() { continuation.yield() }

    func run() async {
        // A first pass at start: rows left from before a restart are sent now.
        continuation.yield()
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.retryInterval)
                    self.continuation.yield()
                }
            }
            for await _ in wakeups {
                if Task.isCancelled { break }
                await deliverPending()
            }
            tasks.cancelAll()
        }
    }

    func deliverPending() async {
        let pending: [PendingDirectMessage]
        do { pending = try await repository.pendingDirectMessages() } catch {
            logger.warning("reading the DM queue failed", metadata: ["error": "\(error)"])
            return
        }
        for message in pending {
            // Stopping: what is left stays queued for the next start.
            if Task.isCancelled { return }
            // Dropped since the queue was read (its event was deleted): not sent.
            guard (try? await repository.isDirectMessageQueued(id: message.id)) != false else { continue }
            do {
                let channel = try await rest.createDMChannel(recipient: message.recipientID)
                let chunks = MessageSplitter.chunk(lines: message.content.components(separatedBy: "\n"), limit: MessageLimits.content)
                // A keyed DM (a plan DM) resumes after its parts already posted, and each part
                // carries a nonce from the key: a part whose answer was lost before a restart is
                // sent again and Discord keeps the first.
                for (index, chunk) in chunks.enumerated() where index >= message.sentParts {
                    let nonce = message.dedupeKey.map { ResultNonce.make(postKey: $0, part: index) }
                    try await rest.createMessage(
                        channel: channel, MessagePayload(content: chunk, nonce: nonce, enforceNonce: nonce == nil ? nil : true))
                    if message.dedupeKey != nil, index + 1 < chunks.count {
                        try? await repository.recordDirectMessageParts(id: message.id, sent: index + 1)
                    }
                }
                try? await repository.removeDirectMessage(id: message.id)
            } catch let error as DiscordError {
                if case .http(_, let code?, _) = error, code == 50007 || code == 10013 {
                    // Closed DMs or no such user: remembered for a broadcast's status.
                    logger.notice("DM refused for good", metadata: ["error": "\(error)"])
                    try? await repository.giveUpDirectMessage(message, code: code)
                } else if message.attempts + 1 >= Self.maximumAttempts {
                    logger.notice("DM given up", metadata: ["error": "\(error)"])
                    try? await repository.removeDirectMessage(id: message.id)
                } else {
                    try? await repository.recordDirectMessageFailure(id: message.id, error: error.code)
                }
            } catch {
                try? await repository.recordDirectMessageFailure(id: message.id, error: "\(type(of: error))")
            }
        }
    }
}
