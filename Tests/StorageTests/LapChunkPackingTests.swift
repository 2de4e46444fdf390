import Coaching
import LapSynthesis
import Foundation
import Synchronization
import Telemetry
import TestSupport
import Testing

@testable import Storage

/// The live session holds its lap in progress packed by `LapTelemetryChunkPacker` (docs/performance.md,
/// "Memory per driver"). These tests hold it to its promises: the stored lap is the same bytes as
/// before, lap times and invalid reasons do not move, coaching is unchanged, and the lap costs a
/// fraction of its plain frames.
@Suite struct LapChunkPackingTests {
    static let track = SyntheticTrack.testCircuit

    /// Three and a half laps of the synthetic circuit, joined mid-lap, with every channel filled: noise on every
    /// channel, runs of NaN clutch, a moment off track, a stretch of pit road, and a glitch row
    /// the tracker drops.
    static let frames: [TelemetryFrame] = {
        let session = LapSynthesizer.frames(
            track: track, car: .gt4, laps: 4, startSessionTime: 500,
            noise: SyntheticNoise(seed: 3, pedal: 0.01, speed: 0.05))
        var random = SeededGenerator(seed: 9)
        // Joined 10 s into the first lap, so it is an out-lap (a stream from the line times it).
        var frames = session.frames.dropFirst(600).dropLast(2_000).enumerated().map { index, original in
            var frame = original
            frame.clutch = index % 700 < 15 ? .nan : Float(1 + random.noise(0.002))
            frame.rpm = Float(5_000 + 2_000 * sin(Double(index) / 90) + random.noise(5))
            frame.lateralAcceleration = Float(10 * sin(Double(index) / 40) + random.noise(0.2))
            frame.longitudinalAcceleration = Float(random.noise(3))
            frame.yawRate = Float(0.7 * sin(Double(index) / 40) + random.noise(0.01))
            frame.latitude = 51.35 + 0.004 * sin(Double(index) / 5_000) + random.noise(1e-7)
            frame.longitude = -0.73 + 0.006 * cos(Double(index) / 5_000) + random.noise(1e-7)
            frame.trackSurface = (8_400..<8_440).contains(index) ? .offTrack : .onTrack
            frame.onPitRoad = (11_400..<11_500).contains(index)
            frame.presentChannels = .all
            return frame
        }
        frames[4_321].sessionTime = frames[4_320].sessionTime  // not advancing: dropped
        return frames
    }()

    /// Every lap the tracker cuts from `frames`, the partial last one included.
    static func laps(packer: (any LapFramePacker)?) -> [LapRecord] {
        var tracker = LapTracker(trackLength: track.length, framePacker: packer)
        var laps: [LapRecord] = []
        for frame in frames {
            for event in tracker.ingest(frame) {
                switch event {
                case .lapCompleted(let lap), .lapAbandoned(let lap): laps.append(lap)
                case .lapStarted, .fragmentDiscarded: break
                }
            }
        }
        if let partial = tracker.finish() { laps.append(partial) }
        return laps
    }

    @Test(arguments: [1, 7, 120, 1_000])
    func storedLapIsTheSameBytesAsFromPlainFrames(chunkFrames: Int) throws {
        let plain = Self.laps(packer: nil)
        let packed = Self.laps(packer: LapTelemetryChunkPacker(chunkFrames: chunkFrames))
        try #require(plain.count == 4)  // out-lap, two flying laps, the partial last one
        try #require(packed.count == plain.count)
        for (before, after) in zip(plain, packed) {
            // Read once: each read of a packed lap's `frames` unpacks it.
            let (beforeFrames, afterFrames) = (before.frames, after.frames)
            #expect(after.lapNumber == before.lapNumber)
            #expect(after.startTime == before.startTime)
            #expect(after.endTime == before.endTime)
            #expect(after.lapTime == before.lapTime)
            #expect(after.isComplete == before.isComplete)
            #expect(after.invalidReason == before.invalidReason)
            #expect(afterFrames.count == beforeFrames.count)
            let stored = LapTelemetryCodec.encode(beforeFrames)
            #expect(LapTelemetryCodec.encode(afterFrames) == stored, "lap \(before.lapNumber): blob differs")
            // Frame by frame: what the store gives back for the plain frame (packed chunks), or the
            // plain frame itself (the tail not packed yet).
            let decoded = try LapTelemetryCodec.decode(stored)
            let mismatched = afterFrames.indices.filter { afterFrames[$0] != decoded[$0] && afterFrames[$0] != beforeFrames[$0] }
            #expect(mismatched.isEmpty, "lap \(before.lapNumber): frames \(mismatched.prefix(3)) are neither")
        }
        // The session really exercises the invalid reasons that depend on single frames.
        #expect(Set(plain.compactMap(\.invalidReason)).isSuperset(of: [.outLap, .offTrack, .pitRoad, .partial]))
    }

    @Test func lapInProgressCostsAFractionOfItsFramesAndATailOfOneChunk() {
        let chunk = LapTelemetryChunkPacker.defaultChunkFrames
        // One 10-minute lap on a 100 km track at 30 m/s: every frame belongs to the lap in progress.
        let frames = BenchmarkLap.frames(count: 36_000, startTime: 10).enumerated().map { index, original in
            var frame = original
            frame.lapDistance = Float(index) / 2
            frame.speed = 30
            frame.onPitRoad = false
            return frame
        }
        var packed = LapTracker(trackLength: 100_000, framePacker: LapTelemetryChunkPacker())
        var plain = LapTracker(trackLength: 100_000)
        var packedBytes: [Int: Int] = [:]
        for (index, frame) in frames.enumerated() {
            _ = packed.ingest(frame)
            _ = plain.ingest(frame)
            if [chunk - 1, 3_600, 36_000].contains(index + 1) { packedBytes[index + 1] = packed.lapInProgressBytes }
        }
        let frameBytes = MemoryLayout<TelemetryFrame>.stride
        // Before the first chunk is full, the lap is one chunk's worth of plain frames, no more.
        #expect(packedBytes[chunk - 1] == chunk * frameBytes)
        // Plain frames cost their size and more (array growth); packed ones under a quarter of it.
        #expect(plain.lapInProgressBytes >= 36_000 * frameBytes)
        let perFrame = Double((packedBytes[36_000] ?? .max) - chunk * frameBytes) / 36_000
        #expect(perFrame < Double(frameBytes) / 4, "packed: \(perFrame) bytes per frame")
        // Growth is linear in the packed size: ten times the frames, about ten times the bytes.
        let growth = Double(packedBytes[36_000] ?? 0) / Double(packedBytes[3_600] ?? 1)
        #expect(growth < 11)
    }

    /// A coach, and the frames of four synthetic laps with mistakes to feed it, with or without
    /// a reference.
    static func coach(
        withReference: Bool, packer: (any LapFramePacker)?,
        lapTracking: LapTrackingConfiguration = DriverCoachConfiguration.liveLapTracking
    ) -> (DriverCoach, [TelemetryFrame]) {
        let session = LapSynthesizer.frames(
            track: Self.track, car: .gt4, laps: 4,
            mistakes: [.brakeEarly(corner: 1, lap: 2, metres: 15), .slowApex(corner: 3, lap: 3, kmh: 6),
                       .brakeEarly(corner: 1, lap: 4, metres: 20)],
            noise: SyntheticNoise(seed: 11, pedal: 0.01, speed: 0.05))
        let descriptor = SessionDescriptor(
            sim: "synthetic", track: TrackDescriptor(name: Self.track.name, configuration: "", length: Self.track.length),
            car: "gt4", sessionType: "practice")
        let choice = withReference
            ? ReferenceChoice(reference: session.reference, trackMap: nil, reason: .shippedForTrackAndCar)
            : ReferenceChoice(reference: nil, trackMap: nil, reason: .none)
        let coach = DriverCoach(
            session: descriptor, reference: choice, language: .english,
            configuration: DriverCoachConfiguration(lapTracking: lapTracking, framePacker: packer))
        return (coach, session.frames)
    }

    /// The events of `coach(withReference:packer:)` over its whole session.
    static func coached(withReference: Bool, packer: (any LapFramePacker)?) -> [CoachingEvent] {
        let (coach, frames) = Self.coach(withReference: withReference, packer: packer)
        var events: [CoachingEvent] = []
        for (index, frame) in frames.enumerated() {
            coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events)
        }
        coach.finish(into: &events)
        return events
    }

    /// A lap cut at the frame cap is reported (`lap_too_long`: its frames and seconds) from what
    /// the tracker kept as the frames came, without unpacking the lap: at the default cap it is
    /// half a million frames, on the event loop of every driver on it.
    @Test func aLapCutAtTheCapIsReportedWithoutUnpackingIt() throws {
        let packer = CountingPacker()
        var tracking = DriverCoachConfiguration.liveLapTracking
        tracking.maximumLapFrames = 2_000
        let (coach, frames) = Self.coach(withReference: true, packer: packer, lapTracking: tracking)
        var events: [CoachingEvent] = []
        var cut: LapCut?
        var unpacksBefore = 0
        for (index, frame) in frames.enumerated() where cut == nil {
            events.removeAll()
            unpacksBefore = packer.unpacks
            coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events)
            for event in events { if case .lapCut(let lapCut) = event { cut = lapCut } }
        }
        let reported = try #require(cut)
        #expect(reported.frameCount == 2_000)
        #expect(abs(reported.duration - 1_999.0 / 60) < 0.1, "\(reported.duration) s")
        #expect(packer.unpacks == unpacksBefore, "the frame that cut the lap unpacked \(packer.unpacks - unpacksBefore) chunks")
        // The cut lap itself is reported, still packed, with every frame.
        let lap = try #require(events.lazy.compactMap { if case .lapCompleted(let lap) = $0 { lap } else { nil } }.first)
        #expect(lap.invalidReason == LapInvalidReason.tooLong.rawValue && lap.lapFrames.count == 2_000)
        guard case .packed = lap.lapFrames else {
            Issue.record("the cut lap was unpacked")
            return
        }
    }

    /// A lap coached against a reference leaves the line packed, for the store to keep as its
    /// chunks (nothing unpacked on the live path); a lap the coach measured nothing on (no
    /// reference yet: its braking zones come from its frames, and it may become the reference)
    /// is unpacked there once.
    @Test(arguments: [true, false])
    func aCoachedLapLeavesTheLinePackedUnlessTheCoachNeedsItsFrames(withReference: Bool) {
        let laps = Self.coached(withReference: withReference, packer: LapTelemetryChunkPacker()).compactMap { event in
            if case .lapCompleted(let lap) = event { lap } else { nil }
        }
        let packed = laps.map { lap in if case .packed = lap.lapFrames { true } else { false } }
        #expect(laps.count == 4)
        // Unpacked exactly when the lap reached the line with no corner measured; the last lap,
        // ended by the session (partial), has no braking zones to find and stays packed.
        #expect(laps.last?.invalidReason == LapInvalidReason.partial.rawValue)
        #expect(packed == laps.map { !$0.corners.isEmpty || $0.invalidReason == LapInvalidReason.partial.rawValue })
        // Without a shipped reference the first lap has none; it becomes the driver's own best,
        // and the laps after it are coached against it.
        #expect(packed.first == withReference)
        #expect(packed.dropFirst().allSatisfy { $0 })
        for lap in laps { #expect(lap.lapFrames.count == lap.frames.count && lap.frames.count > 1_000) }
    }

    @Test(arguments: [true, false])
    func coachingIsTheSameWithAPackedLap(withReference: Bool) {
        func run(_ packer: (any LapFramePacker)?) -> [CoachingEvent] { Self.coached(withReference: withReference, packer: packer) }
        let plain = run(nil)
        let packed = run(LapTelemetryChunkPacker())
        #expect(plain.contains { if case .cue = $0 { true } else { false } })
        #expect(plain.count(where: { if case .lapCompleted = $0 { true } else { false } }) == 4)
        // What the driver hears and sees, and the lap results, are identical; braking zones measured
        // from the lap's frames (out-lap, laps without a reference) may move by the storage
        // quantisation, far below a metre.
        #expect(packed.map(Self.summary) == plain.map(Self.summary))
        for (first, second) in zip(plain, packed) {
            if case .delta(let a) = first, case .delta(let b) = second { #expect(abs(a.delta - b.delta) < 0.001) }
            guard case .lapCompleted(let a) = first, case .lapCompleted(let b) = second else { continue }
            #expect(a.brakingZones.count == b.brakingZones.count)
            for (x, y) in zip(a.brakingZones, b.brakingZones) {
                #expect(abs(x.startDistance - y.startDistance) < 0.01 && abs(x.endDistance - y.endDistance) < 0.01)
                #expect(abs(x.entrySpeed - y.entrySpeed) < 0.01 && abs(x.peakPressure - y.peakPressure) < 0.001)
            }
        }
    }

    /// What an event tells the driver (cue texts and corners, when deltas are sent, lap times,
    /// invalid reasons, corners measured); delta values are compared to the millisecond above.
    static func summary(_ event: CoachingEvent) -> String {
        switch event {
        case .cue(let cue): "cue \(cue.id) \(cue.kind) \(cue.text) \(cue.batchSequence)"
        case .delta(let sample): "delta \(sample.lapNumber) \(sample.batchSequence)"
        case .lapCompleted(let lap):
            "lap \(lap.lapNumber) \(String(describing: lap.lapTime)) \(lap.isValid) \(String(describing: lap.invalidReason)) "
                + "\(lap.frames.count) \(lap.corners.count) \(lap.corners.map(\.corner))"
        case .referenceChanged(let choice):
            "reference \(choice.reason) \(String(describing: choice.reference?.metadata.lapTime))"
        case .lapDiscarded(let fragment): "fragment \(fragment.lapNumber) \(fragment.reason) \(fragment.extent.frameCount)"
        case .lapCut(let cut): "cut \(cut.lapNumber) \(cut.frameCount)"
        }
    }
}

/// The storage codec's packer, counting the chunks it unpacks.
private final class CountingPacker: LapFramePacker {
    private let packer = LapTelemetryChunkPacker(chunkFrames: 60)
    private let count = Mutex(0)
    var chunkFrames: Int { packer.chunkFrames }
    var unpacks: Int { count.withLock { $0 } }
    func pack(_ frames: [TelemetryFrame]) -> [UInt8] { packer.pack(frames) }
    func unpack(_ chunk: [UInt8]) throws -> [TelemetryFrame] {
        count.withLock { $0 += 1 }
        return try packer.unpack(chunk)
    }
}
