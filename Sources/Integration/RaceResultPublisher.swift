import Foundation

/// Where the results poller hands each new result: the Discord bot in production, a recorder in
/// tests.
///
/// The poller records the decision to post in its outbox before calling `publish`, and marks the
/// post done after it returns. A crash in between re-publishes the same post on restart, so an
/// implementation must make a repeat harmless (the bot uses a nonce derived from
/// `RaceResultPost.postKey`).
public protocol RaceResultPublisher: Sendable {
    /// Publishes one post; throws when it could not be delivered (the poller retries later).
    func publish(_ post: RaceResultPost) async throws
    /// Publishes a post whose earlier attempt, at `firstAttemptAt`, may have been delivered (its
    /// answer was lost, or the process stopped before marking it): what was delivered must not
    /// be delivered again, also when the publisher's own deduplication has expired since.
    func republish(_ post: RaceResultPost, firstAttemptAt: Date) async throws
}

extension RaceResultPublisher {
    /// For publishers whose `publish` is harmless to repeat at any time.
    public func republish(_ post: RaceResultPost, firstAttemptAt: Date) async throws { try await publish(post) }
}
