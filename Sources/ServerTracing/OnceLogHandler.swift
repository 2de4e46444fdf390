import Logging
import Synchronization

/// The exporter's diagnostic log: each distinct message (e.g. "Failed to export batch.") is
/// passed on the first time only, so a collector that is down for a day costs one log line,
/// not one per export interval. Every later repeat is only counted.
public struct OnceLogHandler: LogHandler {
    private let base: any LogHandler
    private let seen: Seen

    /// The messages passed on so far and how many repeats were held back.
    final class Seen: Sendable {
        let state = Mutex<(messages: Set<String>, suppressed: Int)>(([], 0))
    }

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .warning

    public init(forwardingTo base: any LogHandler) {
        self.base = base
        self.seen = Seen()
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Repeats held back since the start.
    public var suppressedCount: Int { seen.state.withLock { $0.suppressed } }

    public func log(event: LogEvent) {
        let first = seen.state.withLock { state in
            if state.messages.insert(event.message.description).inserted { return true }
            state.suppressed += 1
            return false
        }
        guard first else { return }
        var event = event
        event.metadata = metadata.merging(event.metadata ?? [:]) { $1 }
        event.metadata?["tracing_repeats"] = "not logged again"
        base.log(event: event)
    }
}
