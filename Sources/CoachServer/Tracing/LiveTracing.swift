import Tracing

/// The tracer the server was given and the live path's sampling ratio; the server holds nil
/// when `[tracing]` is off, so the live path pays one nil check per message.
struct LiveTracing: Sendable {
    let tracer: any Tracer
    let sampleRatio: Double

    /// Span names, so tests and docs/operations.md read the same strings.
    enum Name {
        static let batch = "live.batch"
        static let decode = "live.decode"
        static let coach = "live.coach"
        static let cue = "live.cue"
        static let lapStore = "lap.store"
    }

    /// The root span of a sampled batch, started when its message is read (before decoding).
    func startBatch(session: String) -> any Span {
        let span = tracer.startSpan(Name.batch, context: .topLevel, ofKind: .server)
        span.attributes["trailbrake.session"] = session
        return span
    }

    /// A child of `parent` (same trace, `parent` as its parent span).
    func startChild(_ name: String, of parent: any Span) -> any Span {
        tracer.startSpan(name, context: parent.context, ofKind: .internal)
    }
}
