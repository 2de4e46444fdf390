/// One span as a collector received it, decoded from the OTLP payload (protobuf or JSON).
public struct ExportedSpan: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        case bool(Bool)
        case double(Double)
    }

    public var name: String
    /// Lowercase hex: 32 digits for the trace, 16 for spans; `parentSpanID` is empty for a root.
    public var traceID: String
    public var spanID: String
    public var parentSpanID: String
    /// OTLP's SpanKind number: 1 internal, 2 server, 3 client.
    public var kind: Int
    /// OTLP's status code: 0 unset, 1 ok, 2 error.
    public var statusCode: Int
    public var attributes: [String: Value]
    /// `service.name` of the span's resource.
    public var serviceName: String

    public init(
        name: String = "", traceID: String = "", spanID: String = "", parentSpanID: String = "", kind: Int = 0,
        statusCode: Int = 0, attributes: [String: Value] = [:], serviceName: String = ""
    ) {
        self.name = name
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.kind = kind
        self.statusCode = statusCode
        self.attributes = attributes
        self.serviceName = serviceName
    }

    public var isRoot: Bool { parentSpanID.isEmpty }

    public func string(_ key: String) -> String? {
        if case .string(let text) = attributes[key] { text } else { nil }
    }

    public func int(_ key: String) -> Int64? {
        if case .int(let number) = attributes[key] { number } else { nil }
    }
}

/// A payload the fake could not read: the test fails with it.
public struct OTLPDecodingError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
