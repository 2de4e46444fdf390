import Foundation
import NIOCore
import Telemetry

/// Reads text (JSON) and binary client messages. Checks structure only; values are checked by
/// `FrameBatchValidator` once the track length is known.
enum LiveMessageDecoder {
    /// - Throws: `malformed_json`, `unknown_type`, `unsupported_protocol`, `invalid_hello`,
    ///   `bad_channel_mask`, `bad_frame_count`, `invalid_value`.
    static func decodeText(_ text: String) throws(LiveProtocolError) -> ClientMessage {
        let data = Data(text.utf8)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw LiveProtocolError(.malformedJSON, "a message must be a JSON object")
        }
        guard let type = object["type"] as? String else {
            throw LiveProtocolError(.unknownType, "the message has no string \"type\"")
        }
        switch type {
        case "hello":
            return .hello(try decodeHello(data, protocolValue: object["protocol"]))
        case "frames":
            return .frames(try JSONFrameBatch.decode(data))
        default:
            throw LiveProtocolError(.unknownType, "unknown message type \"\(type.prefix(40))\"")
        }
    }

    /// - Throws: `bad_binary_header`, `bad_channel_mask`, `bad_frame_count`, `invalid_value`.
    static func decodeBinary(_ buffer: ByteBuffer) throws(LiveProtocolError) -> FrameBatch {
        try BinaryFrameBatch.decode(buffer)
    }

    private static func decodeHello(_ data: Data, protocolValue: Any?) throws(LiveProtocolError) -> ClientHello {
        // The version is checked first so that a v2 hello is told "unsupported", not "invalid".
        guard let version = protocolValue as? Int else {
            throw LiveProtocolError(.invalidHello, "hello.protocol must be an integer")
        }
        guard version == CoachServerVersion.protocolVersion else {
            throw LiveProtocolError(.unsupportedProtocol, "protocol \(version) is not supported; this server speaks 1")
        }
        let payload: HelloPayload
        do {
            payload = try JSONDecoder().decode(HelloPayload.self, from: data)
        } catch {
            throw LiveProtocolError(.invalidHello, "hello is missing a field or has a wrong type (\(describe(error)))")
        }
        return try payload.validated()
    }

    /// A short, safe description of a decoding error: the field path, never the input.
    static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "unreadable" }
        let path: [any CodingKey]
        switch decodingError {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        let name = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return name.isEmpty ? "document" : name
    }
}

/// The JSON shape of `hello`.
private struct HelloPayload: Decodable {
    struct Track: Decodable {
        var name: String
        var config: String?
        var length: Double
    }
    struct Resume: Decodable {
        var session: String
        var last_seq: UInt64
    }
    var sim: String
    var track: Track
    var car: String
    var session: String
    var language: String?
    var voice: Bool?
    var codec: String?
    var resume: Resume?

    func validated() throws(LiveProtocolError) -> ClientHello {
        guard !sim.isEmpty, !track.name.isEmpty, !car.isEmpty else {
            throw LiveProtocolError(.invalidHello, "sim, track.name and car must not be empty")
        }
        guard track.length.isFinite, track.length > 0 else {
            throw LiveProtocolError(.invalidHello, "track.length must be a positive number of metres")
        }
        let language = language ?? "en"
        guard ["en", "tr"].contains(language) else {
            throw LiveProtocolError(.invalidHello, "language must be \"en\" or \"tr\"")
        }
        let codec = codec ?? "binary"
        guard ["binary", "json"].contains(codec) else {
            throw LiveProtocolError(.invalidHello, "codec must be \"binary\" or \"json\"")
        }
        let descriptor = SessionDescriptor(
            sim: sim, track: TrackDescriptor(name: track.name, configuration: track.config ?? "", length: track.length),
            car: car, sessionType: session)
        return ClientHello(
            descriptor: descriptor, language: language, voice: voice ?? false, codec: codec,
            resume: resume.map { ResumeRequest(sessionID: $0.session, lastAcknowledgedSequence: $0.last_seq) })
    }
}
