import Foundation

/// Reads `ExportTraceServiceRequest` from OTLP's JSON encoding (the protobuf JSON mapping in
/// lowerCamelCase). Ids are taken as hex, as the OTLP spec says, or as base64, protobuf's
/// default mapping of bytes (which one an exporter writes is checked by length).
enum OTLPJSONReader {
    static func spans(from data: Data) throws -> [ExportedSpan] {
        let request = try JSONDecoder().decode(Request.self, from: data)
        return try (request.resourceSpans ?? []).flatMap { resource in
            let service = resource.resource?.attributes?.first { $0.key == "service.name" }?.value?.stringValue ?? ""
            return try (resource.scopeSpans ?? []).flatMap { scope in
                try (scope.spans ?? []).map { span in
                    var attributes: [String: ExportedSpan.Value] = [:]
                    for attribute in span.attributes ?? [] { attributes[attribute.key] = attribute.value?.value }
                    return ExportedSpan(
                        name: span.name ?? "", traceID: try id(span.traceId, bytes: 16), spanID: try id(span.spanId, bytes: 8),
                        parentSpanID: try id(span.parentSpanId, bytes: 8), kind: span.kind ?? 0, statusCode: span.status?.code ?? 0,
                        attributes: attributes, serviceName: service)
                }
            }
        }
    }

    private static func id(_ text: String?, bytes: Int) throws -> String {
        guard let text, !text.isEmpty else { return "" }
        if text.count == bytes * 2, text.allSatisfy(\.isHexDigit) { return text.lowercased() }
        guard let decoded = Data(base64Encoded: text), decoded.count == bytes else { throw OTLPDecodingError("bad id \(text)") }
        return OTLPProtobufReader.hex(decoded)
    }

    struct Request: Decodable { var resourceSpans: [ResourceSpans]? }
    struct ResourceSpans: Decodable {
        var resource: Resource?
        var scopeSpans: [ScopeSpans]?
    }
    struct Resource: Decodable { var attributes: [KeyValue]? }
    struct ScopeSpans: Decodable { var spans: [Span]? }
    struct Span: Decodable {
        var traceId: String?
        var spanId: String?
        var parentSpanId: String?
        var name: String?
        var kind: Int?
        var attributes: [KeyValue]?
        var status: Status?
    }
    struct Status: Decodable { var code: Int? }
    struct KeyValue: Decodable {
        var key: String
        var value: AnyValue?
    }
    struct AnyValue: Decodable {
        var stringValue: String?
        var boolValue: Bool?
        /// int64 is a string in protobuf's JSON mapping; a number is accepted too.
        var intValue: Flexible?
        var doubleValue: Double?

        var value: ExportedSpan.Value? {
            if let stringValue { return .string(stringValue) }
            if let boolValue { return .bool(boolValue) }
            if let intValue { return .int(intValue.number) }
            if let doubleValue { return .double(doubleValue) }
            return nil
        }
    }
    struct Flexible: Decodable {
        var number: Int64
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) {
                self.number = number
            } else {
                let text = try container.decode(String.self)
                guard let number = Int64(text) else { throw OTLPDecodingError("intValue \(text)") }
                self.number = number
            }
        }
    }
}
