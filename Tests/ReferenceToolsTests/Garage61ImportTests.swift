import Coaching
import Foundation
import ReferenceTools
import Telemetry
import Testing

/// A Garage 61-style lap (written here, not copied from anywhere) imported into a reference: the
/// track, layout and car come from the export's file name, what the file cannot say (the sim,
/// the exact track length) from the overrides.
@Suite struct Garage61ImportTests {
    static let fileName = "Garage 61 - Jo Driver - Modified - SK - Langley Speedway (Oval) - 00.22.004 - 01HXYZ.csv"

    /// 60 Hz rows of a 600 m lap driven at 30 m/s with a slowdown to 20 m/s around 300 m: 20 s
    /// from line to line as the rows run (the file name states 22.004 s), plus one row of the
    /// previous lap before and one of the next lap after, as Garage 61 writes them.
    static func csv() -> String {
        var lines = ["Speed,LapDistPct,Lat,Lon,Brake,Throttle,RPM,SteeringWheelAngle,Gear,LatAccel,LongAccel,YawRate,PositionType"]
        var rows: [(fraction: Double, speed: Double, brake: Double)] = [(0.998, 30, 0)]
        var distance = 0.0
        while distance < 600 {
            let speed = abs(distance - 300) < 60 ? 20.0 : 30.0
            rows.append((distance / 600, speed, (230..<250).contains(distance) ? 0.8 : 0))
            distance += speed / 60
        }
        rows.append((0.002, 30, 0))
        for row in rows {
            let throttle = row.brake > 0 ? 0 : 1
            lines.append("\(row.speed),\(row.fraction),51.5,-0.1,\(row.brake),\(throttle),7000,0.1,4,2.0,0.1,0.05,3")
        }
        return lines.joined(separator: "\n")
    }

    @Test func garage61LapImportsWithTheExportsTrackCarAndLapTime() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("g61-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(Self.fileName)
        try Data(Self.csv().utf8).write(to: file)

        let recording = try LapRecordingReader.read(file, overrides: .init(sim: "iracing", length: 600))
        #expect(recording.sim == "iracing")
        #expect(recording.track == TrackDescriptor(name: "Langley Speedway", configuration: "Oval", length: 600))
        #expect(recording.car == "Modified - SK")

        let importer = try LapImporter(recording: recording)
        #expect(importer.split.laps.map(\.number) == [1])
        #expect(importer.split.laps.first?.status == .valid)
        let imported = try #require(try importer.run(.best, into: directory.appendingPathComponent("refs")).first)
        #expect(imported.baseName == "langley-speedway-oval-modified-sk-lap1")
        let reference = try ReferenceLapFile.read(
            from: directory.appendingPathComponent("refs/\(imported.baseName).reference.json"))
        #expect(reference.metadata.lapTime == 22.004, "the time the export states wins over the rows' 22 s")
        #expect(reference.metadata.source == "csv:\(Self.fileName)#1")
        #expect(reference.count == 601, "one point a metre over the 600 m given")
        // The slowdown is where it was written: 20 m/s in the middle, 30 m/s on the straights.
        #expect(abs(reference.speed[300] - 20) < 0.01 && abs(reference.speed[100] - 30) < 0.01)
    }

    @Test func anExplicitOverrideBeatsTheExportsNames() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("g61-\(UUID().uuidString)-\(Self.fileName)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Self.csv().utf8).write(to: file)
        // With a prefix the file name no longer has Garage 61's form: the track is the file's name.
        let unnamed = try LapRecordingReader.read(file)
        #expect(unnamed.track.name == file.deletingPathExtension().lastPathComponent && unnamed.car.isEmpty && unnamed.sim == "unknown")
        let named = try LapRecordingReader.read(file, overrides: .init(track: "Langley", car: "SK Modified"))
        #expect(named.track.name == "Langley" && named.car == "SK Modified")
    }
}
