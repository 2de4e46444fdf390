/// Keys for running the server as a service (docs/operations.md).
extension ConfigurationKey {
    package static let operations: [ConfigurationKey] = [
        .string("log", "format", \.log.format, allowed: ["text", "json"]),
    ]
}
