import Coaching
import SimTelemetry
import SimTestSupport
import Telemetry
import Testing

/// The GT7 mapper on real laps (Brands Hatch Indy, 10 laps at 60 Hz), with the server's own
/// `LapTracker` timing what it produces.
@Suite struct GT7FrameMapperTests {
    struct Run {
        var updates: [SimUpdate] = []
        var frames: [TelemetryFrame] { updates.compactMap { if case .frame(let frame) = $0 { frame } else { nil } } }
        var notes: [String] { updates.compactMap { if case .note(let note) = $0 { note } else { nil } } }
        var sessions: [SessionDescriptor] { updates.compactMap { if case .session(let session) = $0 { session } else { nil } } }
        var paths: [TrackPath] { updates.compactMap { if case .pathRecorded(let path) = $0 { path } else { nil } } }
    }

    static func run(_ packets: [GT7Packet], _ configuration: GT7SessionConfiguration) -> (Run, GT7FrameMapper) {
        var mapper = GT7FrameMapper(configuration: configuration)
        var run = Run()
        for packet in packets { run.updates += mapper.process(packet) }
        return (run, mapper)
    }

    /// Laps the server would store: (lap number, lap time, valid).
    static func serverLaps(_ frames: [TelemetryFrame], length: Double) -> [LapRecord] {
        var tracker = LapTracker(trackLength: length)
        var laps: [LapRecord] = []
        for frame in frames {
            for event in tracker.ingest(frame) { if case .lapCompleted(let lap) = event { laps.append(lap) } }
        }
        return laps
    }

    @Test func recordsThePathFromTheFirstCleanLapAndStoresTheGamesLapTimes() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let (run, mapper) = Self.run(GT7RecordedStream.packets(recording), GT7SessionConfiguration(trackName: "Brands Hatch", trackConfiguration: "Indy"))
        // Lap 1 has a reset (a 79.6 m jump): refused; lap 2 becomes the path.
        #expect(run.notes.contains { $0.contains("lap 1 cannot be the track path") && $0.contains("jumped") })
        #expect(run.paths.count == 1)
        let length = try #require(run.sessions.first?.track.length)
        #expect(abs(length - 1_935) < 25, "lap 2's path is \(length) m")
        #expect(run.sessions.count == 1)
        #expect(run.sessions[0].car == "GT7 car 365")
        #expect(mapper.sequence.lost == 0 && mapper.clock.lateCrossings == 0)

        let all = Self.serverLaps(run.frames, length: length)
        let laps = all.filter(\.isValid)
        let times = GT7RecordedStream.lapTimes(recording)
        #expect(laps.map(\.lapNumber) == Array(3...10))
        for lap in laps {
            let game = try #require(times[Int(lap.lapNumber)])
            let error = abs(try #require(lap.lapTime) - game)
            // Exactly the game's time (the ticks alone are up to a frame off: 46.817 s for 46.801).
            #expect(error < 0.001, "lap \(lap.lapNumber): \(lap.lapTime!) s stored, the game said \(game) s")
        }
    }

    @Test func distancesAgreeWithTheDatasetsOwnProjectionOnTheReferenceLap() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        var recorder = TrackPathRecorder()
        for row in recording.rows(ofSeq: 7) { recorder.add(x: row.x, z: row.z) }
        let path = try recorder.finish().get()
        let (run, _) = Self.run(
            GT7RecordedStream.packets(recording, leadIn: 0, leadOut: 0),
            GT7SessionConfiguration(trackName: "Brands Hatch", trackLength: path.length, path: path))
        #expect(run.paths.isEmpty)
        #expect(!run.notes.contains { $0.contains("from speed") })
        // Frames and rows line up one to one (no lead-in, nothing dropped).
        #expect(run.frames.count == recording.rows.count)
        var errors: [Double] = []
        for (frame, row) in zip(run.frames, recording.rows) where row.seq >= 5 && row.referenceDistance > 30 && row.referenceDistance < path.length - 30 {
            errors.append(abs(Double(frame.lapDistance) - row.referenceDistance))
        }
        errors.sort()
        #expect(errors[errors.count / 2] < 1, "median \(errors[errors.count / 2]) m")
        #expect(errors.last! < 15, "worst \(errors.last!) m")
    }

    @Test func withATrackLengthFramesStartAtOnceWithDistanceFromSpeed() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let (run, _) = Self.run(GT7RecordedStream.packets(recording), GT7SessionConfiguration(trackName: "Brands Hatch", trackLength: 1_929))
        #expect(run.sessions.first?.track.length == 1_929)
        #expect(run.notes.contains { $0.contains("lap distance from speed") })
        let first = try #require(run.frames.first)
        #expect(!first.presentChannels.contains(.lapDistanceFraction))
        #expect(run.frames.last!.presentChannels.contains(.lapDistanceFraction))
        #expect(run.frames.allSatisfy { $0.lapDistance >= 0 && $0.lapDistance <= 1_929 })
        // Every packet of the stream became a frame (a known length: nothing held back).
        #expect(run.frames.count == recording.rows.count + 240)
    }

    @Test func lostReorderedAndPausedPacketsKeepTheGamesLapTimes() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        var packets = GT7RecordedStream.packets(recording)
        // In lap 5 (packets 12,727 to 15,535): a 5 s pause (the car still, the ids running on),
        // then 90 packets lost, ten neighbours swapped and one packet repeated.
        var stopped = packets[13_500]
        stopped.flags.insert(.paused)
        packets.insert(contentsOf: [GT7Packet](repeating: stopped, count: 300), at: 13_500)
        for index in packets.indices { packets[index].packetID = 1_000 + Int32(index) }
        packets.removeSubrange(14_000..<14_090)
        for index in stride(from: 14_500, to: 14_600, by: 10) { packets.swapAt(index, index + 1) }
        packets.insert(packets[14_700], at: 14_705)
        let (run, mapper) = Self.run(packets, GT7SessionConfiguration(trackName: "Brands Hatch", trackLength: 1_929))
        #expect(mapper.sequence.lost == 90)
        #expect(mapper.sequence.reordered == 10)
        #expect(mapper.sequence.repeated == 1)
        #expect(run.updates.filter { $0 == .notDriving("paused") }.count == 1)
        let laps = Self.serverLaps(run.frames, length: 1_929).filter { $0.isComplete && $0.lapTime != nil }
        let times = GT7RecordedStream.lapTimes(recording)
        let paused = try #require(laps.first { $0.lapNumber == 5 })
        // The paused 5 s are not in the lap: the game's timer stopped too.
        #expect(abs(paused.lapTime! - times[5]!) < 0.001)
        for frame in zip(run.frames, run.frames.dropFirst()) { #expect(frame.1.sessionTime > frame.0.sessionTime) }
    }

    @Test func aSilentConsoleStartsANewLapAndMenusStopFrames() throws {
        var mapper = GT7FrameMapper(configuration: GT7SessionConfiguration(trackName: "Test", trackLength: 1_000))
        var packet = GT7Packet(variant: .a, packetID: 10)
        packet.flags = [.carOnTrack]
        packet.lapCount = 2
        packet.speed = 30
        var frames: [TelemetryFrame] = []
        for id in Int32(10)..<Int32(70) {
            packet.packetID = id
            for case .frame(let frame) in mapper.process(packet) { frames.append(frame) }
        }
        mapper.streamRestarted(afterSilence: 12)
        packet.packetID = 5
        for case .frame(let frame) in mapper.process(packet) { frames.append(frame) }
        #expect(frames.count == 61)
        #expect(frames[60].sessionTime >= frames[59].sessionTime + 12)
        #expect(frames[60].lapDistance == 0)  // distance from speed restarts with the lap

        packet.packetID = 6
        packet.lapCount = -1
        #expect(mapper.process(packet) == [.notDriving("in a menu")])
        packet.packetID = 7
        #expect(mapper.process(packet).isEmpty)

        packet.packetID = 8
        packet.lapCount = 2
        packet.speed = .nan
        #expect(mapper.process(packet).isEmpty)
        #expect(mapper.droppedFrames == 1)
    }
}
