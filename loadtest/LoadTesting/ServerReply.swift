import Foundation

/// The fields of a server message the tool acts on (docs/protocol.md); the rest is ignored.
struct ServerReply: Decodable, Sendable {
    var type: String
    var seq: UInt64?
    // welcome
    var session: String?
    var resumed: Bool?
    var nextSeq: UInt64?
    // cue
    var id: Int?
    var kind: String?
    var corner: Int?
    var text: String?
    // error
    var code: String?
    var message: String?
    var fatal: Bool?
    // lap
    var lap: Int?
    var time: Double?
    var lapID: Int64?
    var stored: Bool?

    enum CodingKeys: String, CodingKey {
        case type, seq, session, resumed, id, kind, corner, text, code, message, fatal, lap, time, stored
        case nextSeq = "next_seq"
        case lapID = "lap_id"
    }

    static func decode(_ text: String) -> ServerReply? {
        try? JSONDecoder().decode(ServerReply.self, from: Data(text.utf8))
    }
}
