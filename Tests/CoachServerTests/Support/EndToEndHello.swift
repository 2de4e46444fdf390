import Foundation
import Telemetry

/// The `hello` a client streaming a recording sends, written from docs/protocol.md (English, no
/// voice, binary frames), so the end-to-end tests never use the server's own types to talk to it.
enum EndToEndHello {
    static func json(for session: SessionDescriptor) throws -> String {
        let object: [String: Any] = [
            "type": "hello", "protocol": 1, "sim": session.sim,
            "track": ["name": session.track.name, "config": session.track.configuration, "length": session.track.length],
            "car": session.car, "session": "practice", "language": "en", "voice": false, "codec": "binary",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
