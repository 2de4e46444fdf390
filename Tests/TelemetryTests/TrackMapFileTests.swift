import Foundation
import Testing
import Telemetry

@Suite struct TrackMapFileTests {
    static let langley = TrackMap(
        track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580),
        corners: [
            .init(number: 1, name: "Turns 1-2", landmark: "brake at the end of the pit wall", entry: 95, apex: 160, exit: 230, brakePoint: 100),
            .init(number: 2, entry: 380, apex: 450, exit: 575, brakePoint: nil),
        ])

    private func failure(_ data: Data) -> ReferenceFileError? {
        do {
            _ = try TrackMapFile.decode(data)
            return nil
        } catch {
            return error
        }
    }

    @Test func roundTrips() throws {
        #expect(try TrackMapFile.decode(TrackMapFile.encode(Self.langley)) == Self.langley)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("langley-\(UUID().uuidString).\(TrackMapFile.fileExtension)")
        defer { try? FileManager.default.removeItem(at: url) }
        try TrackMapFile.write(Self.langley, to: url)
        #expect(try TrackMapFile.read(from: url) == Self.langley)
    }

    @Test func refusesOtherFormatsVersionsAndBadCorners() throws {
        func edited(_ edit: (inout [String: Any]) -> Void) throws -> Data {
            var object = try #require(try JSONSerialization.jsonObject(with: TrackMapFile.encode(Self.langley)) as? [String: Any])
            edit(&object)
            return try JSONSerialization.data(withJSONObject: object)
        }
        #expect(failure(try edited { $0["format"] = "trailbrake-reference-lap" })?.code == "wrong_format")
        #expect(failure(try edited { $0["version"] = 3 }) == .unsupportedVersion(3))
        #expect(failure(try edited { $0["corners"] = "none" })?.code == "malformed")
        var misnumbered = Self.langley
        misnumbered.corners[1].number = 3
        #expect(failure(TrackMapFile.encode(misnumbered))?.code == "invalid_value")
        var offTrack = Self.langley
        offTrack.corners[0].apex = 600
        #expect(failure(TrackMapFile.encode(offTrack))?.code == "invalid_value")
    }
}
