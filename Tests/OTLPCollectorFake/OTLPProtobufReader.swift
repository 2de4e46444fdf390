import Foundation

/// Reads `ExportTraceServiceRequest` from OTLP's binary protobuf by hand, with the field
/// numbers of opentelemetry-proto's trace.proto, common.proto and resource.proto (swift-otel's
/// generated types are not public, and generating our own would need protoc).
enum OTLPProtobufReader {
    static func spans(from bytes: [UInt8]) throws -> [ExportedSpan] {
        var spans: [ExportedSpan] = []
        // ExportTraceServiceRequest: 1 resource_spans.
        for field in try fields(bytes[...]) where field.number == 1 {
            var service = ""
            var scopeSpans: [ArraySlice<UInt8>] = []
            // ResourceSpans: 1 resource, 2 scope_spans.
            for part in try fields(field.bytes) {
                if part.number == 1 {
                    // Resource: 1 attributes.
                    for attribute in try fields(part.bytes) where attribute.number == 1 {
                        let (key, value) = try keyValue(attribute.bytes)
                        if key == "service.name", case .string(let name) = value { service = name }
                    }
                } else if part.number == 2 {
                    scopeSpans.append(part.bytes)
                }
            }
            for scope in scopeSpans {
                // ScopeSpans: 2 spans.
                for span in try fields(scope) where span.number == 2 {
                    var decoded = try self.span(span.bytes)
                    decoded.serviceName = service
                    spans.append(decoded)
                }
            }
        }
        return spans
    }

    /// Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes, 15 status.
    private static func span(_ bytes: ArraySlice<UInt8>) throws -> ExportedSpan {
        var span = ExportedSpan()
        for field in try fields(bytes) {
            switch field.number {
            case 1: span.traceID = hex(field.bytes)
            case 2: span.spanID = hex(field.bytes)
            case 4: span.parentSpanID = hex(field.bytes)
            case 5: span.name = String(decoding: field.bytes, as: UTF8.self)
            case 6: span.kind = Int(field.varint)
            case 9:
                let (key, value) = try keyValue(field.bytes)
                if let value { span.attributes[key] = value }
            case 15:
                // Status: 3 code.
                for part in try fields(field.bytes) where part.number == 3 { span.statusCode = Int(part.varint) }
            default: break
            }
        }
        return span
    }

    /// KeyValue: 1 key, 2 value (AnyValue: 1 string, 2 bool, 3 int64, 4 double).
    private static func keyValue(_ bytes: ArraySlice<UInt8>) throws -> (String, ExportedSpan.Value?) {
        var key = ""
        var value: ExportedSpan.Value?
        for field in try fields(bytes) {
            if field.number == 1 { key = String(decoding: field.bytes, as: UTF8.self) }
            guard field.number == 2 else { continue }
            for any in try fields(field.bytes) {
                switch any.number {
                case 1: value = .string(String(decoding: any.bytes, as: UTF8.self))
                case 2: value = .bool(any.varint != 0)
                case 3: value = .int(Int64(bitPattern: any.varint))
                case 4: value = .double(Double(bitPattern: any.varint))
                default: break
                }
            }
        }
        return (key, value)
    }

    struct Field {
        var number: Int
        /// A varint's or a fixed field's value.
        var varint: UInt64 = 0
        /// A length-delimited field's bytes.
        var bytes: ArraySlice<UInt8> = []
    }

    /// The fields of one message, in order.
    static func fields(_ bytes: ArraySlice<UInt8>) throws -> [Field] {
        var fields: [Field] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let tag = try varint(bytes, &index)
            var field = Field(number: Int(tag >> 3))
            switch tag & 7 {
            case 0: field.varint = try varint(bytes, &index)
            case 1: field.varint = try fixed(bytes, &index, count: 8)
            case 5: field.varint = try fixed(bytes, &index, count: 4)
            case 2:
                let length = Int(try varint(bytes, &index))
                guard length >= 0, bytes.endIndex - index >= length else { throw OTLPDecodingError("field past the end") }
                field.bytes = bytes[index..<index + length]
                index += length
            default: throw OTLPDecodingError("wire type \(tag & 7)")
            }
            fields.append(field)
        }
        return fields
    }

    private static func varint(_ bytes: ArraySlice<UInt8>, _ index: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw OTLPDecodingError("truncated varint")
    }

    private static func fixed(_ bytes: ArraySlice<UInt8>, _ index: inout Int, count: Int) throws -> UInt64 {
        guard bytes.endIndex - index >= count else { throw OTLPDecodingError("truncated fixed field") }
        var value: UInt64 = 0
        for offset in 0..<count { value |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
        index += count
        return value
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
