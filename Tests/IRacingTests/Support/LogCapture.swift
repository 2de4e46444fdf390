import InMemoryLogging
import Logging

/// Every log line at every level, as text, so a test can search what was logged.
struct LogCapture {
    private let handler: InMemoryLogHandler = {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        return handler
    }()

    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { _ in handler }
        logger.logLevel = .trace
        return logger
    }

    var all: [String] {
        handler.entries.map { "\($0.level) \($0.message) \($0.metadata) \($0.error.map { "\($0)" } ?? "")" }
    }
}
