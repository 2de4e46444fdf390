import Coaching
import Foundation
import NIOCore

extension ServerMessage {
    /// The message as a text message for the socket's queue, tagged with what may be dropped
    /// when the client falls behind (deltas; every other message is essential).
    ///
    /// `ack`, `delta` and `cue` (several per driver and second) are written by hand straight
    /// into a `ByteBuffer` (`JSONTextWriter`); the rare ones (`welcome`, `lap`, `error`) and any
    /// message holding a non-finite number go through `JSONEncoder` (`json(using:)`), which
    /// turns the latter into an `internal` error, as it always has.
    func outboundMessage(using encoder: JSONEncoder) -> OutboundMessage {
        let kind: OutboundMessage.Kind = if case .delta = self { .delta } else { .essential }
        guard let buffer = handWrittenJSON() else { return .text(json(using: encoder), kind: kind) }
        return .text(buffer, kind: kind)
    }

    /// The hand-written JSON of the per-batch messages; nil for the others or a non-finite number.
    func handWrittenJSON() -> ByteBuffer? {
        var writer = JSONTextWriter()
        do throws(JSONTextWriter.NonFiniteNumber) {
            switch self {
            case .ack(let sequence):
                writer.beginObject()
                writer.key("type")
                writer.string("ack")
                writer.key("seq")
                writer.integer(sequence)
                writer.endObject()
            case .delta(let sample):
                try writer.writeDelta(sample)
            case .cue(let cue, let clip):
                try writer.writeCue(cue, clip: clip)
            case .welcome, .lap, .lapStored, .error:
                return nil
            }
        } catch {
            return nil
        }
        return writer.buffer
    }
}

extension JSONTextWriter {
    /// Keys and order as `DeltaJSON` encodes them.
    fileprivate mutating func writeDelta(_ sample: DeltaSample) throws(NonFiniteNumber) {
        beginObject()
        key("type")
        string("delta")
        key("lap")
        integer(sample.lapNumber)
        key("dist")
        try number(sample.lapDistance)
        key("delta")
        try number(sample.delta)
        key("trend")
        try number(sample.trend)
        key("seq")
        integer(sample.batchSequence)
        endObject()
    }

    /// Keys and order as `CueJSON` encodes them; `corner_name`, `deadline` and `clip` are an
    /// explicit null when absent, `from` (a team message's sender) left out.
    fileprivate mutating func writeCue(_ cue: Cue, clip: CueClip?) throws(NonFiniteNumber) {
        beginObject()
        key("type")
        string("cue")
        key("id")
        integer(cue.id)
        key("kind")
        string(cue.kind.rawValue)
        key("topic")
        string(cue.topic.rawValue)
        key("corner")
        integer(cue.corner)
        key("corner_name")
        if let name = cue.cornerName { string(name) } else { null() }
        key("severity")
        integer(cue.severity)
        key("text")
        string(cue.text)
        key("numbers")
        try writeNumbers(cue.numbers)
        key("seq")
        integer(cue.batchSequence)
        key("deadline")
        if let deadline = cue.deadlineDistance { try number(deadline) } else { null() }
        key("clip")
        if let clip {
            beginObject()
            key("id")
            string(clip.id)
            key("duration")
            try number(clip.duration)
            endObject()
        } else {
            null()
        }
        // Only a team message names its sender; other cues stay as they were.
        if let from = cue.from {
            key("from")
            string(from)
        }
        endObject()
    }

    /// `CueNumbers` as its synthesized `Codable` writes it: declaration order, absent values left out.
    private mutating func writeNumbers(_ numbers: CueNumbers) throws(NonFiniteNumber) {
        beginObject()
        if let value = numbers.brakePointDelta { key("brake_point_delta"); try number(value) }
        if let value = numbers.peakBrakeDelta { key("peak_brake_delta"); try number(value) }
        if let value = numbers.minimumSpeedDelta { key("minimum_speed_delta"); try number(value) }
        if let value = numbers.throttlePickupDelta { key("throttle_pickup_delta"); try number(value) }
        if let value = numbers.apexGear { key("apex_gear"); integer(value) }
        if let value = numbers.referenceApexGear { key("reference_apex_gear"); integer(value) }
        if let value = numbers.coastingDistance { key("coasting_distance"); try number(value) }
        if let value = numbers.timeDelta { key("time_delta"); try number(value) }
        if let value = numbers.brakeReleaseDelta { key("brake_release_delta"); try number(value) }
        if let value = numbers.brakeReleaseLengthDelta { key("brake_release_length_delta"); try number(value) }
        if let value = numbers.lineApexOffset { key("line_apex_offset"); try number(value) }
        if let value = numbers.lineTurnInOffset { key("line_turn_in_offset"); try number(value) }
        if let value = numbers.brakePointSpread { key("brake_point_spread"); try number(value) }
        if let value = numbers.apexSpeedSpread { key("apex_speed_spread"); try number(value) }
        endObject()
    }
}
