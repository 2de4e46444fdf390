import Coaching
import SimTelemetry
import SimTestSupport
import Telemetry
import Testing

/// AC and Forza mappers on the real Brands Hatch laps replayed in their formats, timed by the
/// server's own `LapTracker`.
@Suite struct OtherSimMapperTests {
    static func frames(_ updates: [SimUpdate]) -> [TelemetryFrame] {
        updates.compactMap { if case .frame(let frame) = $0 { frame } else { nil } }
    }

    static func completedLaps(_ frames: [TelemetryFrame], length: Double) -> [LapRecord] {
        var tracker = LapTracker(trackLength: length)
        return frames.flatMap { tracker.ingest($0) }.compactMap { if case .lapCompleted(let lap) = $0, lap.lapTime != nil { lap } else { nil } }
    }

    @Test func assettoCorsaLapsAreStoredWithTheGamesTimes() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let length = RecordedOtherSims.referenceLength(recording)
        let handshake = ACHandshakeResponse(carName: "ks_alfa_155", driverName: "Test", trackName: "brands_hatch", trackConfig: "indy")
        var mapper = ACFrameMapper(configuration: .init(trackLength: length), handshake: handshake)
        let updates = RecordedOtherSims.acCarInfos(recording, seqs: 4...9).flatMap { mapper.process($0) }
        #expect(updates.first == .session(SessionDescriptor(
            sim: "ac", track: TrackDescriptor(name: "brands_hatch", configuration: "indy", length: length), car: "ks_alfa_155", sessionType: "practice")))
        let laps = Self.completedLaps(Self.frames(updates), length: length)
        let times = GT7RecordedStream.lapTimes(recording)
        // The replay starts at the line of its first lap, so that lap is timed too (issue 16).
        #expect(laps.map(\.lapNumber) == [3, 4, 5, 6, 7])
        for lap in laps {
            // AC counts completed laps: its lap 4 is the dataset's fifth lap.
            #expect(abs(lap.lapTime! - times[Int(lap.lapNumber) + 1]!) < 0.001, "lap \(lap.lapNumber): \(lap.lapTime!)")
        }
    }

    @Test func assettoCorsaWithoutALengthMeasuresOneLapFirstAndThinsToSixtyHertz() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let handshake = ACHandshakeResponse(carName: "car", driverName: "d", trackName: "t", trackConfig: "")
        var mapper = ACFrameMapper(configuration: .init(), handshake: handshake)
        // 240 Hz: each row four times, the timer 4 ms apart.
        let infos = RecordedOtherSims.acCarInfos(recording, seqs: 5...7).flatMap { info -> [ACCarInfo] in
            (0..<4).map { var copy = info; copy.lapTime += Int32($0 * 4); return copy }
        }
        let updates = infos.flatMap { mapper.process($0) }
        #expect(updates.contains { if case .note(let note) = $0 { note.contains("measuring the track length") } else { false } })
        let measured = try #require(mapper.trackLength)
        #expect(abs(measured - 1_920) < 40, "measured \(measured) m")
        let frames = Self.frames(updates)
        // Frames begin at the lap after the measured one, at most one per 1/60 s of game time.
        #expect(frames.first?.lapNumber == 6)
        let rowsOfLap7 = Double(recording.rows(ofSeq: 7).count)
        #expect(Double(frames.count) > 0.8 * rowsOfLap7 && Double(frames.count) <= rowsOfLap7 + 1, "\(frames.count) frames")
        for (earlier, later) in zip(frames, frames.dropFirst()) where later.lapNumber == earlier.lapNumber {
            #expect(later.sessionTime - earlier.sessionTime >= 0.015)
        }
    }

    @Test(arguments: [ForzaFormat.motorsport7Dash, .horizonDash, .motorsport2023Dash])
    func forzaLapsAreStoredWithTheGamesTimesAndEndAtTheTrackLength(format: ForzaFormat) throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        var mapper = ForzaFrameMapper(configuration: .init(trackName: format == .motorsport2023Dash ? nil : "Brands Hatch", trackLength: 1_929))
        let updates = RecordedOtherSims.forzaPackets(recording, seqs: 4...9, format: format).flatMap { mapper.process($0) }
        let sessions = updates.compactMap { if case .session(let session) = $0 { session } else { nil } }
        #expect(sessions.count == 1)
        #expect(sessions.first?.track.name == (format == .motorsport2023Dash ? "Forza track 3000" : "Brands Hatch"))
        let frames = Self.frames(updates)
        // Before the first crossing nothing says where the car is: lap 4 (0-based 3) is not sent.
        #expect(frames.first?.lapNumber == 3 && frames[1].lapNumber == 4)
        let laps = Self.completedLaps(frames, length: 1_929)
        let times = GT7RecordedStream.lapTimes(recording)
        #expect(laps.map(\.lapNumber) == [4, 5, 6, 7])
        for lap in laps {
            #expect(abs(lap.lapTime! - times[Int(lap.lapNumber) + 1]!) < 0.001, "lap \(lap.lapNumber): \(lap.lapTime!)")
            #expect(lap.invalidReason == nil, "lap \(lap.lapNumber): \(String(describing: lap.invalidReason))")
        }
    }

    @Test func forzaStopsWhenTheRaceIsNotOnAndDropsNonNumbers() {
        var mapper = ForzaFrameMapper(configuration: .init(trackName: "T", trackLength: 1_000))
        var packet = ForzaDashPacket(format: .horizonDash)
        packet.isRaceOn = 0
        #expect(mapper.process(packet) == [.notDriving("race not on (menu, pause or finished)")])
        #expect(mapper.process(packet).isEmpty)
        packet.isRaceOn = 1
        packet.currentLap = .nan
        #expect(mapper.process(packet).isEmpty)
    }
}
