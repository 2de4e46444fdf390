import Foundation
import Testing
import SimTelemetry

@Suite struct TrackPathProjectorTests {
    /// A figure of eight of two 100 m-radius loops crossing at the origin: the crossover is where
    /// a nearest-point search over the whole path picks the wrong branch half the time.
    static func figureEight() -> TrackPath {
        let points = (0..<1_256).map { index -> TrackPath.Point in
            let t = Double(index) / 1_256 * 2 * .pi
            return TrackPath.Point(x: 100 * sin(t), z: 100 * sin(t) * cos(t))
        }
        return TrackPath(points: points)!
    }

    @Test func aCarDrivingThroughTheCrossoverStaysOnItsBranch() {
        let path = Self.figureEight()
        var projector = TrackPathProjector(path: path)
        var previous: Double?
        // Drive the path 3 m to one side, every metre.
        for index in stride(from: 0, to: path.points.count * 2, by: 1) {
            let point = path.points[index % path.points.count]
            let projection = projector.project(x: point.x + 3, z: point.z)
            if let previous {
                var step = projection.distance - previous
                if step < -path.length / 2 { step += path.length }
                #expect(step > -1 && step < 5, "jumped \(step) m at index \(index)")
            }
            previous = projection.distance
        }
    }

    @Test func aResetFarBackRelocatesAndTheOffsetSaysHowFarOffTheLineTheCarIs() {
        let path = Self.figureEight()
        var projector = TrackPathProjector(path: path)
        let ahead = path.points[400]
        let first = projector.project(x: ahead.x, z: ahead.z)
        #expect(abs(first.distance - path.cumulative[400]) < 0.5)
        #expect(first.relocated)
        let back = path.points[150]
        let reset = projector.project(x: back.x, z: back.z)
        #expect(reset.relocated)
        #expect(abs(reset.distance - path.cumulative[150]) < 0.5)
        let next = path.points[151]
        let following = projector.project(x: next.x, z: next.z + 2)
        #expect(!following.relocated)
        #expect(abs(following.offset - 2) < 0.5)
    }

    @Test func theRecorderRefusesJumpsOpenLapsAndTooFewPoints() {
        var recorder = TrackPathRecorder()
        for index in 0..<300 { recorder.add(x: Double(index), z: 0) }
        guard case .failure(let open) = recorder.finish() else { Issue.record("an open lap made a path"); return }
        #expect(open.reason.contains("from where it started"))

        for index in 0..<10 { recorder.add(x: Double(index), z: 0) }
        guard case .failure = recorder.finish() else { Issue.record("10 points made a path"); return }

        for index in 0..<100 { recorder.add(x: Double(index), z: 0) }
        recorder.add(x: 500, z: 0)
        guard case .failure(let jump) = recorder.finish() else { Issue.record("a jump made a path"); return }
        #expect(jump.reason.contains("jumped"))

        for index in 0..<2_000 {
            let angle = Double(index) / 2_000 * 2 * Double.pi
            recorder.add(x: 100 * cos(angle), z: 100 * sin(angle))
        }
        guard case .success(let path) = recorder.finish() else { Issue.record("a clean lap made no path"); return }
        #expect(abs(path.length - 2 * .pi * 100) < 1)
        // 1 m spacing: 0.31 m steps are thinned.
        #expect(path.points.count < 700)
    }

    @Test func aPathFileRoundTripsAndBadFilesGetStableCodes() throws {
        let path = Self.figureEight()
        let file = TrackPathFile(sim: "gt7", track: .init(name: "Brands Hatch", configuration: "Indy", length: 1929), path: path)
        let decoded = try TrackPathFile.decode(file.encoded())
        #expect(decoded.track == file.track)
        #expect(decoded.path.points.count == path.points.count)
        #expect(abs(decoded.path.length - path.length) < 0.01)
        #expect(TrackPathFile.fileName(sim: "gt7", track: file.track) == "gt7-brands-hatch-indy.trackpath.json")

        func code(_ text: String) -> String? {
            do { _ = try TrackPathFile.decode(Data(text.utf8)); return nil } catch { return error.code }
        }
        #expect(code("not json") == "malformed")
        #expect(code(#"{"format":"x","version":1,"sim":"gt7","track":{"name":"a","configuration":"","length":1},"points":[]}"#) == "wrong_format")
        #expect(code(#"{"format":"trailbrake-track-path","version":2,"sim":"gt7","track":{"name":"a","configuration":"","length":1},"points":[]}"#) == "unsupported_version")
        #expect(code(#"{"format":"trailbrake-track-path","version":1,"sim":"gt7","track":{"name":"a","configuration":"","length":1},"points":[[1,2,3]]}"#) == "invalid_path")
        #expect(throws: TrackPathFileError.tooLarge(TrackPathFile.maximumBytes + 1)) {
            try TrackPathFile.decode(Data(count: TrackPathFile.maximumBytes + 1))
        }
    }
}
