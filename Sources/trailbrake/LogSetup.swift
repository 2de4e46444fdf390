import CoachServer
import Logging
import ServerLogging
import ServerSettings

/// Logs go to stderr so that stdout carries only what commands print on purpose (tokens).
/// `log.format = "json"` writes one JSON object per line (for a collector); "text" (the
/// default) is swift-log's plain line, for a person at a terminal.
enum LogSetup {
    static func bootstrap(_ log: ServerConfiguration.Log) -> Logger {
        let logLevel = Logger.Level(rawValue: log.level) ?? .info
        let json = log.format == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        return Logger(label: "trailbrake")
    }
}
