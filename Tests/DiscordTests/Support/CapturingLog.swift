import InMemoryLogging
import Logging

/// Every log line at every level, as text, for secret checks: swift-log's in-memory handler
/// (as in IRacingTests), with the `handler(label:)` factory the bot's loggers take.
struct CapturingLog {
    private let memory: InMemoryLogHandler = {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        return handler
    }()

    func handler(label: String) -> LogHandler { memory }

    var all: [String] { memory.entries.map { "\($0.level) \($0.message) \($0.metadata)" } }
}
