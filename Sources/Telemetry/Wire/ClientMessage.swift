import Foundation

/// A JSON text message from a client. Binary messages are always frame batches
/// (`BinaryFrameBatchCodec`).
public enum ClientMessage: Sendable, Equatable {
    case hello(Hello)
    case frames(FrameBatch)

    /// Decodes one text message. Errors, by code:
    /// - `malformed_json`: not JSON, not an object, or a `frames` message whose `seq` or `frames`
    ///   is missing or of the wrong type (the message's structure is broken);
    /// - `unknown_type`: no `type`, or a `type` other than `hello` and `frames`;
    /// - `unsupported_protocol`: `hello.protocol` is not 1;
    /// - `invalid_hello`: any other missing or invalid hello field;
    /// - `bad_frame_count`: 0 or more than 120 frames;
    /// - `invalid_value`: a frame lacks a required key (`t`, `lap`, `dist`, `speed`, `throttle`,
    ///   `brake`, `gear`), or a key holds null or the wrong type. This is the JSON twin of a
    ///   channel value the binary layout cannot express, so it shares the code the validator uses.
    public static func decode(json: Data) throws(WireError) -> ClientMessage {
        do {
            return try JSONDecoder().decode(Envelope.self, from: json).message
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(.malformedJSON, "message is not a JSON object: \(describe(error))")
        }
    }

    public static func decode(json: [UInt8]) throws(WireError) -> ClientMessage {
        try decode(json: Data(json))
    }

    public static func decode(json: UnsafeRawBufferPointer) throws(WireError) -> ClientMessage {
        try decode(json: Data(json))
    }

    /// The message as JSON text (UTF-8), in the form `decode(json:)` reads.
    public static func encodeJSON(_ message: ClientMessage) -> Data {
        switch message {
        case .hello(let hello):
            // Encoding plain strings, numbers and booleans cannot fail.
            return (try? JSONEncoder().encode(hello)) ?? Data()
        case .frames(let batch):
            return Data(batch.jsonText().utf8)
        }
    }

    /// Reads `type` first, then the body it names.
    private struct Envelope: Decodable {
        let message: ClientMessage

        enum CodingKeys: String, CodingKey { case type }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard let type = try? container.decode(String.self, forKey: .type) else {
                throw WireError(.unknownType, "message has no string \"type\" field")
            }
            switch type {
            case "hello": message = .hello(try Hello(from: decoder))
            case "frames": message = .frames(try FrameBatchJSON(from: decoder).batch)
            default: throw WireError(.unknownType, "unknown message type \"\(type.prefix(40))\"")
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "unreadable"
    }
}
