import Integration
import Logging

/// Writes each post to the log instead of Discord: the publisher `serve` uses while no bot is
/// configured, so results are still fetched, stored and visible.
public struct LogResultPublisher: RaceResultPublisher {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func publish(_ post: RaceResultPost) async throws {
        let drivers = post.entries.map { "\($0.driverName) P\($0.finishPosition)" }.joined(separator: ", ")
        logger.info(
            "iRacing result",
            metadata: [
                "guild": "\(post.guildID)", "subsession": "\(post.subsessionID)", "series": "\(post.seriesName)",
                "track": "\(post.trackName)", "drivers": "\(drivers)",
            ])
    }
}
