import Foundation
import Testing
import TestSupport
import Telemetry

/// Lap exports on the real files in shared/data/telemetry-road; the oracle is each dataset's
/// `summary.json` (lap times the sim or MoTeC stated, samples, lengths), written by a separate tool.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
struct LapExportRealDataTests {
    static var road: URL {
        (TestData.sharedDataDirectory ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent("telemetry-road")
    }

    static func summary(_ dataset: String) throws -> [String: Any] {
        let url = road.appendingPathComponent("\(dataset)/derived/summary.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func describe(_ session: ImportedSession) -> String {
        session.laps.map { lap in
            "lap \(lap.lapNumber): \(lap.frames.count) frames, time \(lap.lapTime.map { String(format: "%.3f", $0) } ?? "-"), "
                + "\(lap.invalidReason?.rawValue ?? "valid")"
        }.joined(separator: "; ")
    }

    @Test func motecLapsAreOneTimedLapEachWithTheHeaderFacts() throws {
        let summary = try Self.summary("ac-acti-motec-fsuk")
        let laps = try #require(summary["laps"] as? [[String: Any]])
        #expect(laps.count == 3)
        for expected in laps {
            let file = try #require(expected["raw_file"] as? String)
            let session = try LapExport.read(Self.road.appendingPathComponent("ac-acti-motec-fsuk/\(file)"))
            print("MoTeC \(file): \(Self.describe(session))")
            #expect(session.format == .motecCSV)
            #expect(session.metadata.track == summary["venue"] as? String)
            #expect(session.metadata.car == summary["vehicle"] as? String)
            #expect(session.metadata.date?.hasPrefix("2022-10-30T") == true)
            #expect(session.metadata.sessionType == "HOTLAP")
            let lap = try #require(session.laps.first)
            #expect(session.laps.count == 1)
            #expect(Int(lap.lapNumber) == expected["lap"] as? Int)
            #expect(lap.isValid, "\(lap.invalidReason?.rawValue ?? "")")
            #expect(lap.lapTime == expected["lap_time_header_s"] as? Double)
            #expect(lap.frames.count == expected["samples"] as? Int)
            let length = try #require(expected["lap_length_m"] as? Double)
            #expect(abs(session.lapLength - length) < 0.05)
            // Units converted: km/h → m/s, % → 0...1, G → m/s².
            let top = Double(lap.frames.map(\.speed).max() ?? 0) * 3.6
            #expect(abs(top - (expected["speed_max_kmh"] as? Double ?? 0)) < 0.06)
            #expect(lap.frames.allSatisfy { (0...1).contains($0.throttle) && (0...1).contains($0.brake) })
            // The extrapolated line crossings agree with MoTeC's duration to within one 50 Hz sample.
            let endTime = try #require(lap.endTime)
            #expect(abs(endTime - lap.startTime - (lap.lapTime ?? 0)) < 0.02)
        }
    }
}

extension LapExportRealDataTests {
    /// GT7 laps: every lap of every track, in driving order; laps with a position jump in the
    /// summary are resets, or data gaps where the summary says packets were lost; the rest are timed within 0.25 s of the game's own lap time (the
    /// summary's bound between the game's time and the 60 Hz tick count).
    @Test func gt7LapsMatchTheGamesLapTimesAndResets() throws {
        let summary = try Self.summary("gt7-gt7dashboard")
        let tracks = try #require(summary["tracks"] as? [[String: Any]])
        #expect(tracks.count == 4)
        for track in tracks {
            let file = try #require(track["derived_csv"] as? String)
            let session = try LapExport.read(Self.road.appendingPathComponent("gt7-gt7dashboard/\(file)"))
            print("GT7 \(file): \(Self.describe(session))")
            let expected = try #require(track["laps"] as? [[String: Any]])
            #expect(session.format == .roadLapCSV)
            #expect(session.laps.count == expected.count, "\(file)")
            for (lap, oracle) in zip(session.laps, expected) {
                #expect(lap.frames.count == oracle["samples"] as? Int, "\(file) seq \(oracle["seq"] ?? "")")
                let jumps = (oracle["position_jumps"] as? [Any])?.count ?? 0
                // A jump over packets the summary counts as missing is a hole, any other a reset.
                let missing = (oracle["samples_missing_at_start_s"] as? Double ?? 0) > 0
                if jumps > 0 {
                    #expect(lap.invalidReason == (missing ? .dataGap : .reset), "\(file) seq \(oracle["seq"] ?? "")")
                } else {
                    let game = try #require(oracle["lap_time_game_s"] as? Double)
                    #expect(lap.isValid, "\(file) seq \(oracle["seq"] ?? ""): \(lap.invalidReason?.rawValue ?? "")")
                    #expect(abs((lap.lapTime ?? 0) - game) < 0.25, "\(file) seq \(oracle["seq"] ?? ""): \(lap.lapTime ?? 0) vs \(game)")
                }
            }
        }
    }

    /// iRacing at ~9.7 Hz: the three complete laps, within one sample interval (0.103 s) of the
    /// lap times the sim itself reported.
    @Test func summitPointLapsMatchTheSimsLapTimes() throws {
        let laps = try #require(try Self.summary("iracing-ocypode-summitpoint")["laps"] as? [[String: Any]]).filter { $0["complete"] as? Bool == true }
        let session = try LapExport.read(Self.road.appendingPathComponent("iracing-ocypode-summitpoint/derived/summit_point_laps.csv"))
        print("Summit Point: \(Self.describe(session))")
        #expect(session.laps.map(\.lapNumber) == laps.compactMap { ($0["lap"] as? Int).map(Int32.init) })
        for (lap, oracle) in zip(session.laps, laps) {
            let reported = try #require(oracle["lap_time_reported_s"] as? Double)
            #expect(lap.isValid)
            #expect(abs((lap.lapTime ?? 0) - reported) < 0.103, "lap \(lap.lapNumber): \(lap.lapTime ?? 0) vs \(reported)")
        }
        #expect(session.bestLap?.lapNumber == 7)
    }

    /// The three MoTeC laps in one normalised file: laps 1, 3, 4 (lap 2 was never exported), each
    /// within one 50 Hz sample of MoTeC's duration plus the lap-length spread (988–991 m at 18 m/s).
    @Test func normalisedMoTeCLapsKeepTheirNumbersAndTimes() throws {
        let laps = try #require(try Self.summary("ac-acti-motec-fsuk")["laps"] as? [[String: Any]])
        let session = try LapExport.read(Self.road.appendingPathComponent("ac-acti-motec-fsuk/derived/fsuk_endurance_mftc3_laps.csv"))
        #expect(session.laps.map(\.lapNumber) == [1, 3, 4])
        for (lap, oracle) in zip(session.laps, laps) {
            let header = try #require(oracle["lap_time_header_s"] as? Double)
            #expect(lap.isValid)
            #expect(abs((lap.lapTime ?? 0) - header) < 0.02 + 3.0 / 18, "lap \(lap.lapNumber)")
        }
    }

    /// A lap exported from an .ibt: one timed lap within one 60 Hz frame of iRacing's own time.
    @Test func iRacingLapExportIsOneTimedLap() throws {
        let folder = IBTFileTests.directory.appendingPathComponent("derived")
        let session = try LapExport.read(folder.appendingPathComponent("rr_skmodified_langley_2015-05-28_14-46-23_lap175.csv"))
        #expect(session.format == .iRacingLapCSV && session.metadata.sim == "iracing")
        let lap = try #require(session.laps.first)
        #expect(session.laps.count == 1 && lap.lapNumber == 175 && lap.isValid)
        #expect(abs((lap.lapTime ?? 0) - 15.0988) < 1.0 / 60)  // manifest: LapLastLapTime 15.0988 s
    }
}
