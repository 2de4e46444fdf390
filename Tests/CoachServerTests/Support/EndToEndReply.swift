import Foundation

/// Any server message as the end-to-end client decodes it from the JSON text (docs/protocol.md);
/// fields are optional because each message type has its own.
struct EndToEndReply: Decodable, Sendable {
    var type: String
    // welcome
    var session: String?
    var reference: Reference?
    /// `welcome.topics`.
    var topics: [String]?
    /// `welcome.settings`: what the session runs with.
    var settings: Settings?
    // ack, delta, cue
    var seq: UInt64?
    // delta, lap
    var lap: Int32?
    var delta: Double?
    var dist: Double?
    // lap
    var time: Double?
    var valid: Bool?
    var invalid_reason: String?
    var lap_id: Int64?
    var stored: Bool?
    /// `lap` not stored yet, and `lap_stored`: the ticket naming it.
    var pending: UInt64?
    /// `lap.corners`: each corner's number and its numbers against the reference.
    var corners: [LapCorner]?
    // cue
    var id: UInt64?
    var kind: String?
    var topic: String?
    var corner: Int?
    var text: String?
    /// A team message's sender.
    var from: String?
    var numbers: Numbers?
    /// The voice clip that follows the cue as a binary message; null without one.
    var clip: Clip?
    // error
    var code: String?
    var message: String?
    var fatal: Bool?

    struct Settings: Decodable, Sendable, Equatable {
        var verbosity: String
        var units: String
        var topics_off: [String]
        var language: String
    }

    struct Reference: Decodable, Sendable {
        var source: String
        var lap_time: Double
        var car: String
        var reason: String
    }

    struct Clip: Decodable, Sendable {
        var id: String
        var duration: Double
    }

    /// A corner of a `lap` message (only what the tests read).
    struct LapCorner: Decodable, Sendable {
        var corner: Int
        var brake_release_length_delta: Double?
    }

    /// A cue's numbers: positive = later / harder / faster / more than the reference.
    struct Numbers: Decodable, Sendable {
        var brake_point_delta: Double?
        var peak_brake_delta: Double?
        var minimum_speed_delta: Double?
        var throttle_pickup_delta: Double?
        var apex_gear: Int?
        var reference_apex_gear: Int?
        var coasting_distance: Double?
        var time_delta: Double?
        var brake_release_delta: Double?
        var brake_release_length_delta: Double?
        var brake_point_spread: Double?
        var apex_speed_spread: Double?
        var line_apex_offset: Double?
        var line_turn_in_offset: Double?
    }
}

/// Everything the server said on one connection, in arrival order.
struct EndToEndTranscript: Sendable {
    var welcome: EndToEndReply
    /// Every message after `welcome`, in the order received, with its raw JSON.
    var replies: [(reply: EndToEndReply, raw: String)]
    /// The error the connection ended with, when the client was told the server may die.
    var endedWith: String?

    func all(_ type: String) -> [EndToEndReply] { replies.map(\.reply).filter { $0.type == type } }

    /// Position of the first message matching `predicate` in arrival order.
    func index(where predicate: (EndToEndReply) -> Bool) -> Int? { replies.firstIndex { predicate($0.reply) } }
}
