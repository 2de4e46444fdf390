import Logging

/// A swift-log handler that writes one JSON object per line, for log collectors (journald's
/// JSON export, Loki, Elasticsearch, `jq`): `timestamp`, `level`, `label`, `message`,
/// `metadata` (the session and driver ids the server tags lines with), `source`, and `error`
/// when one was logged.
///
/// Metadata under a secret-looking key and text shaped like a Trailbrake token are replaced
/// before the line is written (`SecretRedaction`): the server never logs secrets on purpose,
/// and this keeps a mistake from reaching a collector that keeps logs for months.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: LogLineSink

    public init(label: String, sink: LogLineSink = .standardError, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.sink = sink
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = JSONLogLine(
            level: event.level, label: label, message: event.message.description, metadata: merged,
            source: event.source, error: event.error.map { String(describing: $0) })
        sink.write(line.encoded())
    }
}
