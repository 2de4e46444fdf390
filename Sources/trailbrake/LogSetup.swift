import Logging

/// Logs go to stderr so that stdout carries only what commands print on purpose (tokens).
enum LogSetup {
    static func bootstrap(level: String) -> Logger {
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        return Logger(label: "trailbrake")
    }
}
