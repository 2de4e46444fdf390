import Foundation
import Telemetry
import Testing

/// The checks of `RealRecordingCoachingTests` on one recording's transcript: cues about channels
/// the data lacks, each cue's numbers against `RawCornerReading`, and clear mistakes left unsaid.
struct RealRecordingCueCheck {
    let recording: RealRecordingSession
    let transcript: EndToEndTranscript
    let batchSize: Int

    /// Topics that need a channel (docs/coaching.md, "Channels").
    static let channelsOfTopic: [String: Set<String>] = [
        "brake_point": ["brake"], "brake_pressure": ["brake"], "brake_release": ["brake"], "minimum_speed": [],
        "throttle_pickup": ["throttle"], "coasting": ["throttle", "brake"], "gear": ["gear"], "racing_line": ["position"],
        "consistency": ["brake"],
    ]

    /// One number of one cue beside the raw measurement.
    struct Row: CustomStringConvertible {
        var cue: UInt64
        var kind: String
        var lap: Int32
        var corner: Int
        var quantity: String
        var reported: Double
        var raw: Double?
        var tolerance: Double
        var agrees: Bool? { raw.map { abs($0 - reported) <= tolerance } }

        var description: String {
            let measured = raw.map { String(format: "%+.1f", $0) } ?? "no raw reading"
            let verdict = agrees.map { $0 ? "agrees" : "DISAGREES" } ?? "not checked"
            return String(format: "cue %d %@ lap %d T%d %@: said %+.1f, raw %@ (within %.1f) %@", cue, kind, lap, corner, quantity, reported, measured, tolerance, verdict)
        }
    }

    func expectNoCueAboutMissingChannels() {
        let missing = recording.missingChannels
        let topics = Set(transcript.welcome.topics ?? [])
        for (topic, channels) in Self.channelsOfTopic where !channels.isDisjoint(with: missing) {
            #expect(!topics.contains(topic), "\(recording.name) lacks \(channels.intersection(missing)) but welcome.topics has \(topic)")
        }
        for cue in transcript.all("cue") {
            let needs = Self.channelsOfTopic[cue.topic ?? ""] ?? []
            #expect(needs.isDisjoint(with: missing), "\(recording.name) lacks \(missing): \(cue.text ?? "")")
            if missing.contains("gear") { #expect(!(cue.text ?? "").contains("gear"), "\(cue.text ?? "")") }
        }
    }

    /// The lap a cue speaks of and the corner it names: feedback is about the corner just driven
    /// (on the lap before when the line came between), approach advice about the corner ahead.
    func lapAndCorner(of cue: EndToEndReply) -> (lap: Int32, corner: TrackMap.Corner)? {
        guard let seq = cue.seq, let number = cue.corner, recording.corners.indices.contains(number - 1) else { return nil }
        let frame = recording.frames[min(Int(seq) * batchSize, recording.frames.count) - 1]
        let corner = recording.corners[number - 1]
        var lap = frame.lapNumber
        if cue.kind == "feedback", Double(frame.lapDistance) < corner.apex { lap -= 1 }
        if cue.kind == "anticipatory", Double(frame.lapDistance) > corner.apex { lap += 1 }
        return (lap, corner)
    }

    /// Driven minus reference, from the raw frames of both laps.
    struct RawDelta {
        var brake: Double?
        var speed: Double?
        /// Net of a late brake point, as the coach judges it (docs/coaching.md, "Detectors").
        var pickUp: Double?
        var spacing: Double
    }

    func rawDelta(lap: Int32, corner: TrackMap.Corner) -> RawDelta {
        let apex = corner.apex, exit = corner.exit < apex ? corner.exit + recording.lapLength : corner.exit
        let mine = RawCornerReading(frames: recording.rawLap(lap), apex: apex, exit: exit)
        let theirs = RawCornerReading(frames: recording.rawLap(recording.referenceLap), apex: apex, exit: exit)
        let brake = mine.brakeOnset.flatMap { a in theirs.brakeOnset.map { a - $0 } }
        let pickUp = mine.throttlePickup.flatMap { a in theirs.throttlePickup.map { a - $0 - max(0, brake ?? 0) } }
        return RawDelta(
            brake: brake, speed: mine.apexSpeed.flatMap { a in theirs.apexSpeed.map { a - $0 } }, pickUp: pickUp,
            spacing: max(mine.frameSpacing, theirs.frameSpacing))
    }

    /// Approach advice says a habit: the mean of the two laps before the one it is said on.
    func habitDelta(before lap: Int32, corner: TrackMap.Corner) -> RawDelta {
        let laps = [lap - 1, lap - 2].map { rawDelta(lap: $0, corner: corner) }
        func mean(_ values: [Double?]) -> Double? {
            let known = values.compactMap { $0 }
            return known.count == values.count ? known.reduce(0, +) / Double(known.count) : nil
        }
        return RawDelta(
            brake: mean(laps.map(\.brake)), speed: mean(laps.map(\.speed)), pickUp: mean(laps.map(\.pickUp)),
            spacing: laps.map(\.spacing).max() ?? 0)
    }

    func compareNumbers() -> [Row] {
        var rows: [Row] = []
        for cue in transcript.all("cue") {
            guard let numbers = cue.numbers, let (lap, corner) = lapAndCorner(of: cue) else { continue }
            let raw = cue.kind == "anticipatory" ? habitDelta(before: lap, corner: corner) : rawDelta(lap: lap, corner: corner)
            func row(_ quantity: String, _ reported: Double?, _ measured: Double?, _ tolerance: Double) {
                guard let reported else { return }
                rows.append(Row(
                    cue: cue.id ?? 0, kind: cue.kind ?? "", lap: lap, corner: corner.number, quantity: quantity,
                    reported: reported, raw: measured, tolerance: tolerance))
            }
            // What a reading can be off by: the number as said (5 m steps, whole km/h), two frame
            // intervals (one in each lap), and 15 % (the coach reads a grid, the test the frames).
            let metres = 3 + 2.5 + 2 * raw.spacing
            row("brake point m", numbers.brake_point_delta, raw.brake, metres + 0.15 * abs(raw.brake ?? 0))
            row("apex speed km/h", numbers.minimum_speed_delta, raw.speed, 2 + 0.15 * abs(raw.speed ?? 0))
            row("pick-up m", numbers.throttle_pickup_delta, raw.pickUp, metres + 0.15 * abs(raw.pickUp ?? 0))
        }
        return rows
    }

    /// Valid laps (other than the reference) with a corner clearly off (1.5 times the cue
    /// threshold in the raw frames) and no feedback about that corner on that lap.
    func missedDeviations() -> [String] {
        let cued = Set(transcript.all("cue").compactMap { cue in lapAndCorner(of: cue).map { "\($0.lap)-\($0.corner.number)" } })
        var missed: [String] = []
        for lap in transcript.all("lap") where lap.valid == true && lap.lap != recording.referenceLap {
            // A lap the server counted that the file has no frames of (FSUK's export skips lap 2).
            guard let number = lap.lap, recording.frames.contains(where: { $0.lapNumber == number }) else { continue }
            for corner in recording.corners where !cued.contains("\(number)-\(corner.number)") {
                let raw = rawDelta(lap: number, corner: corner)
                if let brake = raw.brake, abs(brake) >= 12 { missed.append(String(format: "lap %d T%d brake point %+.0f m", number, corner.number, brake)) }
                if let speed = raw.speed, speed <= -4.5 { missed.append(String(format: "lap %d T%d apex speed %+.1f km/h", number, corner.number, speed)) }
            }
        }
        return missed
    }

    func tableRow(rows: [Row], missed: [String]) -> String {
        let laps = transcript.all("lap")
        let checked = rows.filter { $0.agrees != nil }
        let topics = (transcript.welcome.topics ?? []).sorted().joined(separator: ", ")
        return "table | \(recording.name) | laps \(laps.count) (valid \(laps.filter { $0.valid == true }.count)) | cues \(transcript.all("cue").count)"
            + " | numbers checked \(checked.count), agree \(checked.filter { $0.agrees == true }.count), unchecked \(rows.count - checked.count)"
            + " | missed \(missed.count) | missing channels \(recording.missingChannels.sorted()) | topics \(topics)"
    }
}
