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
        /// An apex speed or pick-up said about a lap that lost grip there: wrong whatever its size.
        var aboutLostGrip = false
        var agrees: Bool? { aboutLostGrip ? false : raw.map { abs($0 - reported) <= tolerance } }

        var description: String {
            let measured = aboutLostGrip ? "none (the lap lost grip)" : raw.map { String(format: "%+.1f", $0) } ?? "no raw reading"
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
        /// The release's length against the reference's scaled to the lap's braking (metres).
        var releaseLength: Double?
        var spacing: Double
        /// The lap lost grip in the corner (`RawCornerReading.lostGrip`): no apex speed or pick-up
        /// may be said about it.
        var lostGrip = false
    }

    /// Half the reference lap's hardest deceleration, read once.
    let gripLimit: Double?

    init(recording: RealRecordingSession, transcript: EndToEndTranscript, batchSize: Int) {
        self.recording = recording
        self.transcript = transcript
        self.batchSize = batchSize
        gripLimit = RawCornerReading.gripLimit(reference: recording.rawLap(recording.referenceLap).filter { $0.lapDistance >= 0 })
    }

    /// Where the corner's measuring starts and ends, unwrapped around its apex: from its entry
    /// (or brake point, the sooner) to 60 m past its exit, but not into the next corner's; and
    /// the previous corner's apex, before which no braking of this corner starts.
    func span(of corner: TrackMap.Corner) -> (entry: Double, exit: Double, end: Double, previousApex: Double?) {
        let length = recording.lapLength, apex = corner.apex
        func before(_ value: Double) -> Double { value > apex ? value - length : value }
        func after(_ value: Double) -> Double { value < apex ? value + length : value }
        let exit = after(corner.exit)
        var end = exit + 60
        var previousApex: Double?
        if let index = recording.corners.firstIndex(where: { $0.number == corner.number }), recording.corners.count > 1 {
            let count = recording.corners.count
            let next = recording.corners[(index + 1) % count]
            end = max(exit, min(end, after(min(next.entry, next.brakePoint ?? next.entry))))
            previousApex = before(recording.corners[(index + count - 1) % count].apex)
        }
        return (before(min(corner.entry, corner.brakePoint ?? corner.entry)), exit, end, previousApex)
    }

    func rawDelta(lap: Int32, corner: TrackMap.Corner) -> RawDelta {
        let (entry, exit, end, previousApex) = span(of: corner)
        let mine = RawCornerReading(
            frames: recording.rawLap(lap), entry: entry, apex: corner.apex, exit: exit, end: end, gripLimit: gripLimit,
            previousApex: previousApex)
        let theirs = RawCornerReading(
            frames: recording.rawLap(recording.referenceLap), entry: entry, apex: corner.apex, exit: exit, end: end, gripLimit: nil,
            previousApex: previousApex)
        let brake = mine.brakeOnset.flatMap { a in theirs.brakeOnset.map { a - $0 } }
        let pickUp = mine.throttlePickup.flatMap { a in theirs.throttlePickup.map { a - $0 - max(0, brake ?? 0) } }
        let release = mine.releaseShape.flatMap { a in
            theirs.releaseShape.flatMap { b in b.zone > 0 && a.zone > 0 ? a.length - b.length * a.zone / b.zone : nil }
        }
        return RawDelta(
            brake: brake, speed: mine.lostGrip ? nil : mine.apexSpeed.flatMap { a in theirs.apexSpeed.map { a - $0 } },
            pickUp: mine.lostGrip ? nil : pickUp, releaseLength: release, spacing: max(mine.frameSpacing, theirs.frameSpacing),
            lostGrip: mine.lostGrip)
    }

    /// Cue thresholds (docs/coaching.md, "Cues"): a lap counts towards a habit only when its
    /// deviation reaches them.
    static let brakeThreshold = 8.0, speedThreshold = 3.0, pickUpThreshold = 15.0, releaseLengthThreshold = 20.0

    /// Approach advice says a habit: per quantity, the mean of the last two valid laps completed
    /// before the cue was said (laps before the one its frame is in) on which that quantity was
    /// past its threshold. A cue said before the line for a corner just after it is about the
    /// lap to come but is built from the laps before the one being finished.
    func habitDelta(saidOnLap frameLap: Int32, corner: TrackMap.Corner) -> RawDelta {
        let valid = Set(transcript.all("lap").filter { $0.valid == true }.compactMap(\.lap))
        let recorded = Set(recording.frames.map(\.lapNumber))
        let laps = valid.filter { $0 < frameLap && recorded.contains($0) }.sorted(by: >).map { rawDelta(lap: $0, corner: corner) }
        func habit(_ value: (RawDelta) -> Double?, _ threshold: Double) -> Double? {
            let past = laps.compactMap(value).filter { abs($0) >= threshold }.prefix(2)
            return past.count == 2 ? past.reduce(0, +) / 2 : nil
        }
        return RawDelta(
            brake: habit(\.brake, Self.brakeThreshold), speed: habit(\.speed, Self.speedThreshold),
            pickUp: habit(\.pickUp, Self.pickUpThreshold), releaseLength: habit(\.releaseLength, Self.releaseLengthThreshold),
            spacing: laps.prefix(4).map(\.spacing).max() ?? 0)
    }

    /// The sim's lap number of the frame that ended the batch a cue answered.
    func frameLap(of cue: EndToEndReply) -> Int32? {
        guard let seq = cue.seq else { return nil }
        return recording.frames[min(Int(seq) * batchSize, recording.frames.count) - 1].lapNumber
    }

    func compareNumbers() -> [Row] {
        var rows: [Row] = []
        for cue in transcript.all("cue") {
            guard let numbers = cue.numbers, let (lap, corner) = lapAndCorner(of: cue) else { continue }
            let raw = cue.kind == "anticipatory"
                ? habitDelta(saidOnLap: frameLap(of: cue) ?? lap, corner: corner) : rawDelta(lap: lap, corner: corner)
            func row(_ quantity: String, _ reported: Double?, _ measured: Double?, _ tolerance: Double, lostGrip: Bool = false) {
                guard let reported else { return }
                rows.append(Row(
                    cue: cue.id ?? 0, kind: cue.kind ?? "", lap: lap, corner: corner.number, quantity: quantity,
                    reported: reported, raw: measured, tolerance: tolerance, aboutLostGrip: lostGrip))
            }
            // What a reading can be off by: the number as said (5 m steps, whole km/h), two frame
            // intervals (one in each lap), and 15 % (the coach reads a grid, the test the frames).
            let metres = 3 + 2.5 + 2 * raw.spacing
            row("brake point m", numbers.brake_point_delta, raw.brake, metres + 0.15 * abs(raw.brake ?? 0))
            // Feedback about a lap that lost grip may not say its apex speed or pick-up.
            let lost = cue.kind == "feedback" && raw.lostGrip
            row("apex speed km/h", numbers.minimum_speed_delta, raw.speed, 2 + 0.15 * abs(raw.speed ?? 0), lostGrip: lost)
            row("pick-up m", numbers.throttle_pickup_delta, raw.pickUp, metres + 0.15 * abs(raw.pickUp ?? 0), lostGrip: lost)
            row("release length m", numbers.brake_release_length_delta, raw.releaseLength, metres + 0.15 * abs(raw.releaseLength ?? 0))
        }
        return rows
    }

    /// Every valid lap's release length (the shape of trail braking) as the server measured it
    /// in its `lap` message, beside the raw frames' reading: each corner, not only those cued.
    /// Laps are matched by number, so a recording whose laps the sim numbers with gaps (FSUK's
    /// export: 1, 3, 4, the server 1, 2, 3) is left out (`nil`).
    func compareReleaseLengths() -> [Row]? {
        // Laps the file really holds (a few rows of a lap 0 or a stray counter are not laps).
        let simLaps = Set(Dictionary(grouping: recording.frames, by: \.lapNumber).filter { $0.value.count >= 100 }.keys)
        guard let low = simLaps.min(), let high = simLaps.max(), simLaps.count == Int(high - low) + 1 else { return nil }
        var rows: [Row] = []
        for lap in transcript.all("lap") where lap.valid == true && lap.lap != recording.referenceLap {
            guard let number = lap.lap, simLaps.contains(number) else { continue }
            for measured in lap.corners ?? [] {
                guard let value = measured.brake_release_length_delta, let corner = recording.corners.first(where: { $0.number == measured.corner })
                else { continue }
                let raw = rawDelta(lap: number, corner: corner)
                rows.append(Row(
                    cue: 0, kind: "lap", lap: number, corner: corner.number, quantity: "release length m", reported: value,
                    raw: raw.releaseLength, tolerance: 3 + 2 * raw.spacing + 0.15 * abs(raw.releaseLength ?? 0)))
            }
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

    /// Corners of valid laps (the reference's too) that lost grip in the raw frames.
    func lostGripCorners() -> [String] {
        transcript.all("lap").filter { $0.valid == true }.compactMap(\.lap).filter { number in
            recording.frames.contains { $0.lapNumber == number }
        }.flatMap { number in
            recording.corners.filter { rawDelta(lap: number, corner: $0).lostGrip }.map { "lap \(number) T\($0.number)" }
        }
    }

    func tableRow(rows: [Row], missed: [String]) -> String {
        let laps = transcript.all("lap")
        let checked = rows.filter { $0.agrees != nil }
        let topics = (transcript.welcome.topics ?? []).sorted().joined(separator: ", ")
        return "table | \(recording.name) | laps \(laps.count) (valid \(laps.filter { $0.valid == true }.count)) | cues \(transcript.all("cue").count)"
            + " | numbers checked \(checked.count), agree \(checked.filter { $0.agrees == true }.count), unchecked \(rows.count - checked.count)"
            + " | missed \(missed.count) | missing channels \(recording.missingChannels.sorted()) | topics \(topics)"
            + " | laps " + laps.map { "\($0.lap ?? -1) \($0.valid == true ? "valid" : $0.invalid_reason ?? "invalid")" }.joined(separator: ", ")
    }
}
