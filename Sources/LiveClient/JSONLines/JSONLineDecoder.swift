import Foundation
import Telemetry

/// One line of the `jsonl` source: a session announcement or a frame.
///
/// - `{"type":"session","sim":"rf2","track":{"name":"Spa","config":"GP","length":7004},
///   "car":"GT3","session":"practice"}`: the fields of the protocol's `hello`, checked the same
///   way (the streamer sends a new `hello` when they change);
/// - anything else is one frame in the protocol's JSON frame shape
///   (`{"t":12.5,"lap":3,"dist":812.4,"speed":55.1,"throttle":1,"brake":0,"gear":4,...}`),
///   decoded by the server's own JSON frame reader; `"type":"frame"` may be present.
enum JSONLineDecoder {
    enum Line: Sendable, Equatable {
        case session(SessionDescriptor)
        case frame(TelemetryFrame)
        /// Blank or a `#` comment.
        case ignored
    }

    static func decode(_ text: String) throws(WireError) -> Line {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .ignored }
        if isSession(trimmed) { return .session(try session(trimmed)) }
        // The server's reader, given the line as the only frame of a batch.
        switch try ClientMessage.decode(json: Data("{\"type\":\"frames\",\"seq\":1,\"frames\":[\(trimmed)]}".utf8)) {
        case .frames(let batch) where batch.frames.count == 1: return .frame(batch.frames[0])
        default: throw WireError(.malformedJSON, "a line must hold one JSON object")
        }
    }

    private struct Envelope: Decodable { var type: String? }

    private static func isSession(_ text: String) -> Bool {
        guard text.contains("\"session\"") else { return false }
        return (try? JSONDecoder().decode(Envelope.self, from: Data(text.utf8)))?.type == "session"
    }

    /// The session line as a `hello` (protocol 1 added), so it gets the hello's checks.
    private static func session(_ text: String) throws(WireError) -> SessionDescriptor {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw WireError(.malformedJSON, "the session line is not a JSON object")
        }
        object["type"] = "hello"
        object["protocol"] = Hello.supportedProtocol
        guard let data = try? JSONSerialization.data(withJSONObject: object) else {
            throw WireError(.malformedJSON, "the session line cannot be read")
        }
        guard case .hello(let hello) = try ClientMessage.decode(json: data) else {
            throw WireError(.invalidHello, "the session line is not a session")
        }
        return hello.session
    }
}
