import Coaching
import Foundation
import ReferenceTools
import Telemetry
import Testing

/// `LapImporter` on the real iRacing recordings: the laps it lists are the manifest's, timed
/// within 5 ms of what iRacing reported, with out-laps, partial laps and resets marked.
@Suite(.enabled(if: Manifest.telemetryDirectory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct LapImportIBTTests {
    func importer(_ file: String) throws -> LapImporter {
        let url = try #require(Manifest.telemetryDirectory).appendingPathComponent(file)
        return try LapImporter(recording: LapRecordingReader.read(url))
    }

    @Test(arguments: [Manifest.earlyLangley, Manifest.resetLangley])
    func validLapsAreTheManifestsCompleteLapsWithTheSimsTimes(file: String) throws {
        let importer = try importer(file)
        let oracle = try Manifest.entry(file).laps.filter(\.complete)
        let valid = importer.split.laps.filter { $0.status == .valid }
        #expect(valid.map(\.number) == oracle.map(\.lap))
        for (lap, expected) in zip(valid, oracle) {
            let time = try #require(lap.lapTime)
            #expect(abs(time - (try #require(expected.lapLastLapTimeReported_s))) < Manifest.lapTimeTolerance, "lap \(lap.number)")
        }
        #expect(importer.recording.track.name == "Langley Speedway")
        #expect(importer.recording.car == "Modified - SK")
        #expect(importer.recording.date == "2015-05-28")
    }

    /// One lap exported from the .ibt as CSV: the export's own cut times it (the live tracker
    /// would see no line crossing before its first frame), within one 60 Hz frame of iRacing.
    @Test func anIRacingLapExportIsOneValidLapTimedAsTheSimDid() throws {
        let url = try #require(Manifest.telemetryDirectory).appendingPathComponent("derived/rr_skmodified_langley_2015-05-28_14-46-23_lap175.csv")
        let laps = try LapImporter(recording: LapRecordingReader.read(url)).split.laps
        let reported = try #require(try Manifest.entry(Manifest.earlyLangley).laps.first { $0.lap == 175 }?.lapLastLapTimeReported_s)
        #expect(laps.map(\.number) == [175] && laps.first?.status == .valid)
        #expect(abs(try #require(laps.first?.lapTime) - reported) < 1.0 / 60)
    }

    @Test func outLapPartialLapAndResetAreMarked() throws {
        let early = try importer(Manifest.earlyLangley).split.laps
        #expect(early.first?.number == 173 && early.first?.status == .outLap && early.first?.lapTime == nil)
        #expect(early.last?.number == 176 && early.last?.status == .incomplete)
        let reset = try importer(Manifest.resetLangley).split.laps
        #expect(reset.contains { $0.number == 186 && $0.status == .reset })
        let line = LapLine.listed(track: try importer(Manifest.earlyLangley).track, car: "Modified - SK", lap: try #require(early.first))
        #expect(line == "Langley Speedway | Modified - SK | lap 173 | -- | out-lap")
    }

    @Test func bestIsTheFastestValidLapAndBadLapsAreRefusedClearly() throws {
        let importer = try importer(Manifest.earlyLangley)
        #expect(try importer.select(.best).map(\.number) == [175])
        #expect(throws: ReferenceToolError.lapNotImportable(number: 173, status: .outLap)) { try importer.select(.lap(173)) }
        #expect(throws: ReferenceToolError.lapNotFound(number: 999, available: [173, 174, 175, 176])) {
            try importer.select(.lap(999))
        }
        #expect(ReferenceToolError.lapNotFound(number: 999, available: [173]).code == "lap_not_found")
    }

    @Test func importWritesAReferenceOnTheGridAndATrackMapBesideIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refimport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let importer = try importer(Manifest.earlyLangley)
        let imported = try importer.run(.allValid, into: directory)
        #expect(imported.map(\.lap.number) == [174, 175])
        let catalog = try ReferenceCatalog(directory: directory).entries()
        #expect(catalog.entries.count == 2 && catalog.unreadable.isEmpty)
        for entry in imported {
            let read = try ReferenceLapFile.read(from: directory.appendingPathComponent("\(entry.baseName).reference.json"))
            #expect(read.metadata.source == "ibt:\(Manifest.earlyLangley)#\(entry.lap.number)")
            // One sample per metre over the length the lap was timed with; time ends at the lap time.
            #expect(read.count == Int(importer.split.lapLength.rounded(.down)) + 1)
            #expect(abs(Double(read.time[read.count - 1]) - read.metadata.lapTime) < 0.05)
            let map = try TrackMapFile.read(from: directory.appendingPathComponent("\(entry.baseName).trackmap.json"))
            #expect(map.track.name == "Langley Speedway")
            #expect(!map.corners.isEmpty, "an oval still has two braked (or lifted-for) turns")
        }
    }

    @Test func unknownFilesAndFormatsGetClearErrors() throws {
        #expect(throws: ReferenceToolError.fileNotFound(path: "/nonexistent/lap.ibt")) {
            try LapRecordingReader.read(URL(fileURLWithPath: "/nonexistent/lap.ibt"))
        }
        let directory = try #require(Manifest.telemetryDirectory)
        do {
            _ = try LapRecordingReader.read(directory.appendingPathComponent("teamjorge_invalid_test_file.ibt"))
            Issue.record("a corrupt file was read")
        } catch {
            #expect(error.code == "unreadable")
            #expect(error.description.contains("teamjorge_invalid_test_file.ibt"))
        }
        #expect(throws: ReferenceToolError.unsupportedFile(path: directory.appendingPathComponent("manifest.json").path)) {
            try LapRecordingReader.read(directory.appendingPathComponent("manifest.json"))
        }
    }
}

/// What a person writes into a track map survives importing the laps again.
@Suite(.enabled(if: Manifest.telemetryDirectory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct ReimportKeepsEditsTests {
    @Test func namesAndLandmarksSurviveReimportingAnotherLap() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reimport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try #require(Manifest.telemetryDirectory).appendingPathComponent(Manifest.earlyLangley)
        let importer = try LapImporter(recording: LapRecordingReader.read(url))
        let first = try #require(try importer.run(.lap(174), into: directory).first)
        let mapURL = directory.appendingPathComponent("\(first.baseName).trackmap.json")
        var edited = try TrackMapFile.read(from: mapURL)
        try #require(edited.corners.count >= 2)
        edited.corners[0].name = "Turns 1-2"
        edited.corners[0].landmark = "brake at the end of the pit wall"
        edited.corners[1].name = "Turns 3-4"
        try TrackMapFile.write(edited, to: mapURL)

        // Another lap of the same layout: its own map file, the names found by corner position.
        let second = try #require(try importer.run(.lap(175), into: directory).first)
        let merged = try TrackMapFile.read(from: directory.appendingPathComponent("\(second.baseName).trackmap.json"))
        #expect(merged.corners.map(\.name) == ["Turns 1-2", "Turns 3-4"])
        #expect(merged.corners.first?.landmark == "brake at the end of the pit wall")
        // And the same lap again keeps the edited file's text.
        _ = try importer.run(.lap(174), into: directory)
        #expect(try TrackMapFile.read(from: mapURL).corners.map(\.name) == ["Turns 1-2", "Turns 3-4"])

        let report = ReferenceReport.lines(reference: second.reference, trackMap: merged)
        #expect(report.contains { $0.hasPrefix("T1 Turns 1-2: ") && $0.hasSuffix("(brake at the end of the pit wall)") })
    }
}
