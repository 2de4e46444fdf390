import Coaching
import Foundation
import ReferenceTools
import Telemetry
import TestSupport
import Testing

/// Laps exported one by one (shared/data/telemetry-road, read-only, never copied): lap times
/// against the ones the sources recorded, resets and data holes marked.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"))
struct RoadLapImportTests {
    static func url(_ path: String) throws -> URL {
        try #require(TestData.sharedDataDirectory).appendingPathComponent("telemetry-road").appendingPathComponent(path)
    }

    @Test func motecLapsAreTimedAsTheirHeadersSay() throws {
        let importer = try LapImporter(recording: LapRecordingReader.read(
            Self.url("ac-acti-motec-fsuk/derived/fsuk_endurance_mftc3_laps.csv"), overrides: .init(sim: "ac", car: "MFT C3")))
        // SOURCES.md: header durations 57.040, 57.200, 57.240 s (they agree with the Time column).
        let expected = [1: 57.040, 3: 57.200, 4: 57.240]
        #expect(importer.split.laps.map(\.number) == [1, 3, 4])
        for lap in importer.split.laps {
            #expect(lap.status == .valid, "lap \(lap.number)")
            // One 50 Hz sample: the line is between two rows.
            #expect(abs(try #require(lap.lapTime) - (try #require(expected[lap.number]))) <= 0.02, "lap \(lap.number)")
        }
        #expect(abs(importer.split.lapLength - 989.6) < 1.5, "the median of 990.7, 989.6 and 987.9 m")
        #expect(try importer.select(.best).map(\.number) == [1])
    }

    @Test func gt7ResetAndDroppedPacketsAreNotValidLaps() throws {
        let brands = try LapImporter(recording: LapRecordingReader.read(Self.url("gt7-gt7dashboard/derived/gt7_brandshatch_indy_laps.csv")))
        // Lap 1 has an off: the car stops and is put back about 80 m (SOURCES.md).
        #expect(brands.split.laps.first?.status == .reset)
        // The game's lap times; t_s counts 60 Hz ticks, within 0.25 s of them (SOURCES.md).
        let game: [Int: Double] = [5: 46.801, 6: 46.374, 7: 46.240, 8: 47.428, 9: 46.431, 10: 47.577]
        for lap in brands.split.laps where game[lap.number] != nil {
            #expect(lap.status == .valid, "seq \(lap.number)")
            #expect(abs(try #require(lap.lapTime) - (try #require(game[lap.number]))) <= 0.25, "seq \(lap.number)")
        }
        #expect(try brands.select(.best).map(\.number) == [7])
        let ring = try LapImporter(recording: LapRecordingReader.read(Self.url("gt7-gt7dashboard/derived/gt7_redbullring_laps.csv")))
        // Seq 1 lost 2.4 s (148 m) of packets right after the line.
        #expect(ring.split.laps.first?.status == .dataGap)
        #expect(ring.split.laps.first?.lapTime == nil, "t_s counts the packets received, 2.4 s short of the game's 92.256 s")
    }
}
