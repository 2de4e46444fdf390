import Foundation
import Integration
import Logging
import Storage

/// Publishes the outbox's pending posts, one at a time, oldest first.
///
/// A post is marked posted only after `publish` returns, so a crash in between repeats that
/// one post at the next start; a post whose publish throws stays pending and is tried again
/// next cycle. Nothing is ever dropped. Before the first attempt the post is marked attempted,
/// and every later attempt goes through `republish`, which first looks for what already landed
/// (Discord forgets a message nonce after a few minutes, the poller retries every few).
struct OutboxPublisher: Sendable {
    let store: IRacingResultStore
    let publisher: any RaceResultPublisher
    let metrics: PollerMetrics
    let logger: Logger

    /// Returns how many posts went out and the error codes met.
    func publishPending() async throws -> (published: Int, errors: [String]) {
        var published = 0
        var errors: [String] = []
        for pending in try await store.pendingPosts() {
            try Task.checkCancellation()
            let post: RaceResultPost
            do {
                post = try JSONDecoder.outbox.decode(RaceResultPost.self, from: pending.payload)
            } catch {
                logger.error("unreadable outbox post", metadata: ["subsession": "\(pending.subsessionID)"])
                errors.append("outbox_corrupt")
                continue
            }
            do {
                // Recorded first: from here on the post may be out, even if this process dies.
                try await store.markAttempted(guildID: pending.guildID, subsessionID: pending.subsessionID)
                if let firstAttempt = pending.firstAttemptAt {
                    try await publisher.republish(post, firstAttemptAt: firstAttempt)
                } else {
                    try await publisher.publish(post)
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                metrics.publishFailures.increment()
                errors.append("publish_failed")
                logger.warning(
                    "posting a result failed; it stays queued",
                    metadata: ["post": "\(post.postKey)", "error": "\(String(describing: type(of: error)))"])
                try await store.recordFailedAttempt(guildID: pending.guildID, subsessionID: pending.subsessionID)
                continue
            }
            try await store.markPosted(guildID: pending.guildID, subsessionID: pending.subsessionID)
            metrics.postsPublished.increment()
            published += 1
        }
        return (published, errors)
    }
}

extension JSONEncoder {
    /// The outbox's payload form.
    static var outbox: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

extension JSONDecoder {
    static var outbox: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
