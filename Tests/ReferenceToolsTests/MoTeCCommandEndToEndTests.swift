import Foundation
import TestSupport
import Testing

/// The built binary on the real MoTeC i2 CSV exports (shared/data, read-only, never copied):
/// each file is one lap, and the time printed is the lap's own duration from the export's header.
extension CommandEndToEndTests {
    static var motecFiles: [URL] {
        let folder = (TestData.sharedDataDirectory ?? URL(fileURLWithPath: "/nonexistent"))
            .appendingPathComponent("telemetry-road/ac-acti-motec-fsuk/raw")
        return ["60.2kw_lap1.csv", "60.2kw_lap3.csv", "60.2kw_lap4.csv"].map { folder.appendingPathComponent($0) }
    }

    /// The header's `"Range","Lap N"` and `"Duration","57.040","s"`, read here by hand so the
    /// oracle does not go through the reader under test.
    func motecHeader(_ url: URL) throws -> (lap: Int, duration: Double) {
        var lap: Int?, duration: Double?
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(15) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r ")) }
            if fields.first == "Range", let text = fields.dropFirst().first, text.hasPrefix("Lap ") { lap = Int(text.dropFirst(4)) }
            if fields.first == "Duration", fields.count > 1 { duration = Double(fields[1]) }
        }
        return (try #require(lap), try #require(duration))
    }

    @Test(arguments: motecFiles)
    func lapsPrintsAMoTeCExportsLapWithItsOwnDuration(file: URL) throws {
        let header = try motecHeader(file)
        let run = try trailbrake(["reference", "laps", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines == [String(format: "fs_uk_endurance | madformulateam_mftc3_stag_8 | lap %d | %.3f s | valid", header.lap, header.duration)])
    }

    @Test func importTakesAMoTeCExportWithItsVenueAndVehicle() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refmotec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try #require(Self.motecFiles.first)
        let run = try trailbrake(["reference", "import", file.path, "--sim", "ac", "--out", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        let header = try motecHeader(file)
        #expect(lapTimes(run.lines).map(\.0) == [header.lap])
        #expect(lapTimes(run.lines).map(\.1) == [header.duration])
        let listed = try trailbrake(["reference", "list", directory.path])
        #expect(listed.lines.dropFirst().count == 1)
        #expect(listed.lines.last?.contains("| ac | fs_uk_endurance |") == true, "\(listed.stdout)")
    }
}
