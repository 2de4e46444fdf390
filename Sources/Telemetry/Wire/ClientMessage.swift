import Foundation

/// A JSON text message from a client. Binary messages are always frame batches
/// (`BinaryFrameBatchCodec`).
public enum ClientMessage: Sendable, Equatable {
    case hello(Hello)
    case frames(FrameBatch)

    /// Decodes one text message. Errors, by code:
    /// - `malformed_json`: not valid JSON, not an object, or a `frames` message whose `seq`
    ///   (a non-negative integer) or `frames` (an array) is missing or of the wrong type;
    /// - `unknown_type`: no string `type`, or a `type` other than `hello` and `frames`;
    /// - `unsupported_protocol`: `hello.protocol` is not 1;
    /// - `invalid_hello`: any other missing or invalid hello field;
    /// - `bad_frame_count`: 0 or more than 120 frames;
    /// - `invalid_value`: a frame lacks a required key (`t`, `lap`, `dist`, `speed`, `throttle`,
    ///   `brake`, `gear`), or a key holds null or the wrong type. It is the JSON twin of a value
    ///   the binary layout cannot carry, so it shares the validator's code.
    ///
    /// `frames` messages are read by a dedicated scanner (no intermediate tree, no Foundation
    /// decoder); `hello`, sent once per connection, goes through `JSONDecoder`.
    public static func decode(json bytes: UnsafeRawBufferPointer) throws(WireError) -> ClientMessage {
        var scanner = JSONScanner(bytes)
        try scanner.skipValue()
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.syntax("unexpected characters after the message") }
        scanner.position = 0
        guard scanner.consumeIf(UInt8(ascii: "{")) else {
            throw WireError(.malformedJSON, "message is not a JSON object")
        }
        let envelope = try TopLevelFields(&scanner)
        switch envelope.type {
        case "frames":
            let batch = try FrameBatchJSONParser(scanner: scanner).batch(sequence: envelope.sequence, framesStart: envelope.framesStart)
            return .frames(batch)
        case "hello":
            return .hello(try decodeHello(Data(bytes)))
        case let other?:
            throw WireError(.unknownType, "unknown message type \"\(other.prefix(40))\"")
        case nil:
            throw WireError(.unknownType, "message has no string \"type\" field")
        }
    }

    public static func decode(json: Data) throws(WireError) -> ClientMessage {
        let result: Result<ClientMessage, WireError> = json.withUnsafeBytes { raw in
            do throws(WireError) { return .success(try decode(json: raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func decode(json: [UInt8]) throws(WireError) -> ClientMessage {
        let result: Result<ClientMessage, WireError> = json.withUnsafeBytes { raw in
            do throws(WireError) { return .success(try decode(json: raw)) } catch { return .failure(error) }
        }
        return try result.get()
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

    /// `Hello.init(from:)` throws `WireError` itself; anything else the decoder reports is a
    /// structural problem of the hello.
    private static func decodeHello(_ data: Data) throws(WireError) -> Hello {
        do {
            return try JSONDecoder().decode(Hello.self, from: data)
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(.invalidHello, "hello is not a valid object")
        }
    }
}

/// The top-level fields of a text message, read in one pass in any order. The `frames` value
/// is only located here, and parsed once `type` is known.
private struct TopLevelFields {
    var type: String?
    var sequence: JSONScanner.Number?
    var framesStart: Int?

    init(_ scanner: inout JSONScanner) throws(WireError) {
        if scanner.consumeIf(UInt8(ascii: "}")) { return }
        repeat {
            let key = try scanner.readString()
            try scanner.consume(UInt8(ascii: ":"))
            let next = scanner.peek()
            switch key {
            case "type" where next == UInt8(ascii: "\""):
                type = try scanner.readString()
            case "seq" where next.map { $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false:
                sequence = try scanner.readNumber()
            case "frames":
                framesStart = scanner.position
                try scanner.skipValue()
            default:
                try scanner.skipValue()
            }
        } while scanner.consumeIf(UInt8(ascii: ","))
        try scanner.consume(UInt8(ascii: "}"))
    }
}
