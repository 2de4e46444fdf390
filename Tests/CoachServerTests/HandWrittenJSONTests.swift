import Coaching
import Foundation
import NIOCore
import Telemetry
import Testing

@testable import CoachServer

/// The hand-written `ack`, `delta` and `cue` JSON against `JSONEncoder`, the reference: the same
/// object (the encoder's key order on Linux is its hash order, so objects are compared after
/// parsing), and decoding it must give back exactly the values that went in, bit for bit.
@Suite struct HandWrittenJSONTests {
    static func handWritten(_ message: ServerMessage) throws -> String {
        let buffer = try #require(message.handWrittenJSON())
        return String(buffer: buffer)
    }

    /// Both texts parsed, then written again with sorted keys: equal when the objects are.
    static func sameObject(_ written: String, _ reference: String) throws -> Bool {
        func canonical(_ text: String) throws -> Data {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        }
        return try canonical(written) == canonical(reference)
    }

    /// Doubles whose spelling is easy to get wrong: signed zero, exponents both ways, integral
    /// values (`12.0` is written `12`), the extremes, subnormals, shortest round-trip digits.
    static let awkwardDoubles: [Double] = [
        0, -0.0, 1, -1, 12, 312.4, 0.1, 0.184, -0.02, 1.0 / 3.0, 2.0 / 3.0, 1e-7, -1e-7, 1.5e-300,
        1e15, 1e16, 1.2345678901234567e16, 9_007_199_254_740_994, 123_456_789_012.5, .pi,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
        .leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude, 0.000_123, 4_503_599_627_370_496.5, 1.7104166666666667,
    ]

    /// Quotes, backslashes, slashes, every control character, non-ASCII and astral characters.
    static let awkwardStrings: [String] = [
        "", "Turn 2: brake 20 metres later", #"say "brake" \ now"#, "a/b</script>",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}", "Virajı 3: frene 12 metre geç",
        "Paddock Hill 🏁 \u{2028}\u{2029}", "e\u{301}", "\r\n\t",
    ]

    @Test func ackMatchesTheEncoder() throws {
        for sequence: UInt64 in [0, 1, 42, 1_000_000, .max] {
            let message = ServerMessage.ack(sequence: sequence)
            #expect(try Self.sameObject(Self.handWritten(message), message.json()))
        }
    }

    @Test func deltaMatchesTheEncoderAndRoundTrips() throws {
        for value in Self.awkwardDoubles {
            for lap: Int32 in [0, 175, .max, .min] {
                let sample = DeltaSample(lapNumber: lap, lapDistance: value, delta: -value, trend: value / 7, batchSequence: 40)
                let message = ServerMessage.delta(sample)
                let text = try Self.handWritten(message)
                #expect(try Self.sameObject(text, message.json()), "\(value)")
                let decoded = try JSONDecoder().decode(DecodedDelta.self, from: Data(text.utf8))
                #expect(decoded.type == "delta")
                #expect(decoded.lap == lap)
                #expect(decoded.dist.bitPattern == value.bitPattern, "\(value) came back as \(decoded.dist)")
                #expect(decoded.delta.bitPattern == (-value).bitPattern)
                #expect(decoded.trend.bitPattern == (value / 7).bitPattern)
                #expect(decoded.seq == 40)
            }
        }
    }

    @Test func cueMatchesTheEncoderAndRoundTrips() throws {
        for (index, text) in Self.awkwardStrings.enumerated() {
            let numbers = CueNumbers(
                brakePointDelta: -12, peakBrakeDelta: 0.05, minimumSpeedDelta: -6.1, throttlePickupDelta: 1e-7,
                apexGear: 3, referenceApexGear: 2, coastingDistance: 4.25, timeDelta: 0.12, brakeReleaseDelta: -5,
                lineApexOffset: 1.5, lineTurnInOffset: -2.25, brakePointSpread: 20, apexSpeedSpread: 7,
                brakeReleaseLengthDelta: -20)
            let cue = Cue(
                id: UInt64(index), kind: index.isMultiple(of: 2) ? .feedback : .anticipatory, topic: .brakePoint,
                corner: index, cornerName: index.isMultiple(of: 3) ? nil : text, severity: 2, text: text,
                numbers: index.isMultiple(of: 2) ? numbers : CueNumbers(apexGear: 4), batchSequence: 57,
                deadlineDistance: index.isMultiple(of: 2) ? nil : 812.5)
            let clip = index.isMultiple(of: 4) ? nil : CueClip(id: "3f0c9a1e5b7d2c48", duration: 1.7104166666666667, sampleRate: 48_000, oggOpus: [])
            let message = ServerMessage.cue(cue, clip: clip)
            let written = try Self.handWritten(message)
            #expect(try Self.sameObject(written, message.json()), "\(text.debugDescription)")

            let decoded = try JSONDecoder().decode(DecodedCue.self, from: Data(written.utf8))
            #expect(decoded.type == "cue")
            #expect(decoded.cue == cue)
            #expect(decoded.clip?.id == clip?.id)
            #expect(decoded.clip?.duration == clip?.duration)
        }
    }

    @Test func absentOptionalsAreExplicitNullsOrLeftOut() throws {
        let cue = Cue(id: 1, kind: .feedback, topic: .gear, corner: 5, severity: 1, text: "x", numbers: CueNumbers(), batchSequence: 2)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.handWritten(.cue(cue, clip: nil)).utf8)) as? [String: Any])
        #expect(object["corner_name"] is NSNull)
        #expect(object["deadline"] is NSNull)
        #expect(object["clip"] is NSNull)
        #expect((object["numbers"] as? [String: Any])?.isEmpty == true)
    }

    /// JSON cannot spell them; the message falls back to the encoder, which reports an internal error.
    @Test func nonFiniteNumbersAreNeverWritten() throws {
        for bad in [Double.nan, .infinity, -.infinity, .signalingNaN] {
            let delta = ServerMessage.delta(DeltaSample(lapNumber: 1, lapDistance: 10, delta: bad, trend: 0, batchSequence: 3))
            #expect(delta.handWrittenJSON() == nil)
            let cue = Cue(
                id: 1, kind: .feedback, topic: .gear, corner: 5, severity: 1, text: "x",
                numbers: CueNumbers(timeDelta: bad), batchSequence: 2)
            #expect(ServerMessage.cue(cue).handWrittenJSON() == nil)
            let text = delta.json()
            #expect(text.contains(#""code":"internal""#))
            #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"))
        }
    }

    /// The hand-written `numbers` object lists `CueNumbers`' fields one by one: a field added there
    /// must be added to `writeNumbers` too, or it would silently never reach the client.
    @Test func everyCueNumbersFieldIsWritten() {
        #expect(Mirror(reflecting: CueNumbers()).children.count == 14, "update JSONTextWriter.writeNumbers")
    }

    @Test func rareMessagesStayWithTheEncoder() {
        #expect(ServerMessage.error(WireError(.internal, "x")).handWrittenJSON() == nil)
        #expect(ServerMessage.welcome(.init(sessionID: "s", resumed: false, nextSequence: 1, reference: .none, maxMessageBytes: 1, batchesPerSecond: 60, batchBurst: 1_500)).handWrittenJSON() == nil)
    }
}

private struct DecodedDelta: Decodable {
    let type: String
    let lap: Int32
    let dist: Double
    let delta: Double
    let trend: Double
    let seq: UInt64
}

/// A cue read back the way a client reads it, rebuilt into the typed value for comparison.
private struct DecodedCue: Decodable {
    struct Clip: Decodable {
        let id: String
        let duration: Double
    }
    let type: String
    let cue: Cue
    let clip: Clip?

    private enum Keys: String, CodingKey {
        case type, id, kind, topic, corner, cornerName = "corner_name", severity, text, numbers, seq, deadline, clip
    }

    private enum NumberKeys: String, CodingKey {
        case brakePointDelta = "brake_point_delta", peakBrakeDelta = "peak_brake_delta"
        case minimumSpeedDelta = "minimum_speed_delta", throttlePickupDelta = "throttle_pickup_delta"
        case apexGear = "apex_gear", referenceApexGear = "reference_apex_gear"
        case coastingDistance = "coasting_distance", timeDelta = "time_delta"
        case brakeReleaseDelta = "brake_release_delta", lineApexOffset = "line_apex_offset"
        case lineTurnInOffset = "line_turn_in_offset", brakePointSpread = "brake_point_spread"
        case apexSpeedSpread = "apex_speed_spread", brakeReleaseLengthDelta = "brake_release_length_delta"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let numbers = try container.nestedContainer(keyedBy: NumberKeys.self, forKey: .numbers)
        type = try container.decode(String.self, forKey: .type)
        clip = try container.decodeIfPresent(Clip.self, forKey: .clip)
        cue = Cue(
            id: try container.decode(UInt64.self, forKey: .id),
            kind: try container.decode(Cue.Kind.self, forKey: .kind),
            topic: try container.decode(Cue.Topic.self, forKey: .topic),
            corner: try container.decode(Int.self, forKey: .corner),
            cornerName: try container.decodeIfPresent(String.self, forKey: .cornerName),
            severity: try container.decode(Int.self, forKey: .severity),
            text: try container.decode(String.self, forKey: .text),
            numbers: CueNumbers(
                brakePointDelta: try numbers.decodeIfPresent(Double.self, forKey: .brakePointDelta),
                peakBrakeDelta: try numbers.decodeIfPresent(Double.self, forKey: .peakBrakeDelta),
                minimumSpeedDelta: try numbers.decodeIfPresent(Double.self, forKey: .minimumSpeedDelta),
                throttlePickupDelta: try numbers.decodeIfPresent(Double.self, forKey: .throttlePickupDelta),
                apexGear: try numbers.decodeIfPresent(Int.self, forKey: .apexGear),
                referenceApexGear: try numbers.decodeIfPresent(Int.self, forKey: .referenceApexGear),
                coastingDistance: try numbers.decodeIfPresent(Double.self, forKey: .coastingDistance),
                timeDelta: try numbers.decodeIfPresent(Double.self, forKey: .timeDelta),
                brakeReleaseDelta: try numbers.decodeIfPresent(Double.self, forKey: .brakeReleaseDelta),
                lineApexOffset: try numbers.decodeIfPresent(Double.self, forKey: .lineApexOffset),
                lineTurnInOffset: try numbers.decodeIfPresent(Double.self, forKey: .lineTurnInOffset),
                brakePointSpread: try numbers.decodeIfPresent(Double.self, forKey: .brakePointSpread),
                apexSpeedSpread: try numbers.decodeIfPresent(Double.self, forKey: .apexSpeedSpread),
                brakeReleaseLengthDelta: try numbers.decodeIfPresent(Double.self, forKey: .brakeReleaseLengthDelta)),
            batchSequence: try container.decode(UInt64.self, forKey: .seq),
            deadlineDistance: try container.decodeIfPresent(Double.self, forKey: .deadline))
    }
}
