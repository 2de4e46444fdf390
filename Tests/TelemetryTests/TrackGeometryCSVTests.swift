import Foundation
import Testing
import TestSupport
import Telemetry

@Suite struct TrackGeometryCSVTests {
    /// `count` points on a circle of `radius` around the origin, counter-clockwise (left turns)
    /// unless `clockwise`, pushed `wobble` metres outwards and inwards in turn (point noise).
    static func circleCSV(radius: Double, count: Int, clockwise: Bool = false, wobble: Double = 0, header: String = "# x_m,y_m") -> String {
        var lines = [header]
        for index in 0..<count {
            let angle = (clockwise ? -1.0 : 1.0) * 2 * .pi * Double(index) / Double(count)
            let r = radius + (index.isMultiple(of: 2) ? wobble : -wobble)
            let extra = header.split(separator: ",").count > 2 ? ",5.0,5.0" : ""
            lines.append("\(r * cos(angle)),\(r * sin(angle))\(extra)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func failure(_ text: String) -> TrackGeometryError? {
        do {
            _ = try TrackGeometryCSV.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func circleHasItsPerimeterAndConstantCurvature() throws {
        let line = try TrackGeometryCSV.parse(Self.circleCSV(radius: 60, count: 76))
        // A regular 76-gon inscribed in the circle: 76 chords of 2 R sin(π/76).
        #expect(abs(line.length - 76 * 2 * 60 * sin(Double.pi / 76)) < 1e-6)
        #expect(abs(line.totalTurning - 2 * .pi) < 1e-9)
        for distance in stride(from: -50.0, through: 800, by: 37) {
            #expect(abs(line.curvature(at: distance) - 1.0 / 60) < 0.0002, "at \(distance) m")
        }
        let clockwise = try TrackGeometryCSV.parse(Self.circleCSV(radius: 60, count: 76, clockwise: true))
        #expect(abs(clockwise.totalTurning + 2 * .pi) < 1e-9)
        #expect(abs(clockwise.curvature(at: 100) + 1.0 / 60) < 0.0002)
    }

    @Test func windowedCurvatureIgnoresPointNoise() throws {
        // ±3 cm wobble on 5 m steps round a 500 m radius: three points would read 4 δ / h² =
        // 0.005 1/m of noise, more than twice the true curvature.
        let line = try TrackGeometryCSV.parse(Self.circleCSV(radius: 500, count: 628, wobble: 0.03))
        let distances = stride(from: 0.0, to: line.length, by: 1.3)
        let windowedError = distances.map { abs(line.curvature(at: $0) - 1.0 / 500) }.max() ?? .infinity
        let narrowError = distances.map { abs(line.curvature(at: $0, halfWindow: 2.5) - 1.0 / 500) }.max() ?? 0
        #expect(windowedError < 0.0013)
        #expect(narrowError > 0.003)
    }

    @Test func centreLineColumnsAndARepeatedFirstPointAreAccepted() throws {
        let plain = try TrackGeometryCSV.parse(Self.circleCSV(radius: 60, count: 76))
        let centre = try TrackGeometryCSV.parse(Self.circleCSV(radius: 60, count: 76, header: "# x_m,y_m,w_tr_right_m,w_tr_left_m"))
        #expect(centre == plain)
        var lines = Self.circleCSV(radius: 60, count: 76).split(separator: "\n").map(String.init)
        lines.append(lines[1])
        let repeated = try TrackGeometryCSV.parse(lines.joined(separator: "\r\n"))
        #expect(repeated.points.count == 76)
        #expect(abs(repeated.length - plain.length) < 1e-9)
    }

    @Test func badInputGetsStableErrors() {
        #expect(failure("")?.code == "empty")
        #expect(failure("x_m,y_m\n1,2\n")?.code == "unknown_header")
        #expect(failure("# y_m,x_m\n1,2\n")?.code == "unknown_header")
        #expect(failure("# x_m,y_m\n0,0\n5,0\n5\n") == .wrongFieldCount(line: 4, expected: 2, found: 1))
        #expect(failure("# x_m,y_m\n0,0\nabc,0\n") == .badNumber(line: 3, column: "x_m", text: "abc"))
        #expect(failure("# x_m,y_m\n0,0\n1,nan\n")?.code == "bad_number")
        #expect(failure("# x_m,y_m\n0,0\n5,0\n5,0\n") == .tooFewPoints(2))
        #expect(failure("# x_m,y_m\n0,0\n5,0\n0,1e12\n") == .coordinateOutOfRange(index: 2))
        // Half a circle: the closing step spans the diameter.
        let half = Self.circleCSV(radius: 60, count: 76).split(separator: "\n").prefix(39).joined(separator: "\n")
        #expect(failure(half)?.code == "not_closed")
    }

    /// A timeout of the `fuzz-track-geometry` target (docs/fuzzing.md, input written by hand):
    /// three points 10,000 km apart were a valid line of 34,000 km, which `reference synthesize`
    /// sampled at every metre (gigabytes, minutes).
    @Test func aLineLongerThanAnyTrackIsRefused() throws {
        #expect(failure("# x_m,y_m\n0,0\n1e7,0\n0,1e7\n")?.code == "too_long")
        // Equilateral triangles around the 100 km limit: just under is a line, just over is not.
        func triangle(perimeter: Double) -> String {
            let side = perimeter / 3
            return "# x_m,y_m\n0,0\n\(side),0\n\(side / 2),\(side * 3.0.squareRoot() / 2)\n"
        }
        let under = try TrackGeometryCSV.parse(triangle(perimeter: TrackLine.maximumLength - 1))
        #expect(abs(under.length - (TrackLine.maximumLength - 1)) < 1e-6)
        #expect(failure(triangle(perimeter: TrackLine.maximumLength + 1))?.code == "too_long")
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "needs ../shared/data (absent)"))
    func realRaceLinesHaveTheRightSizeAndSense() throws {
        let folder = try #require(TestData.sharedDataDirectory).appendingPathComponent("tracks/tumftm/racelines")
        // Spa is 7,004 m on its centre line and driven clockwise; the race line cuts the corners.
        let spa = try TrackGeometryCSV.read(from: folder.appendingPathComponent("Spa.csv"))
        #expect(spa.length > 6_800 && spa.length < 7_004)
        #expect(abs(spa.totalTurning + 2 * .pi) < 1e-6)
        // No race line bends tighter than a 10 m radius (the tightest F1 hairpins are ~15 m).
        let peak = stride(from: 0.0, to: spa.length, by: 1).map { abs(spa.curvature(at: $0)) }.max() ?? 0
        #expect(peak < 0.1 && peak > 1.0 / 40)
        // Suzuka is a figure of eight: it turns as much left as right.
        let suzuka = try TrackGeometryCSV.read(from: folder.appendingPathComponent("Suzuka.csv"))
        #expect(abs(suzuka.totalTurning) < 1e-6)
        #expect(throws: TrackGeometryError.self) { try TrackGeometryCSV.read(from: folder.appendingPathComponent("Nowhere.csv")) }
    }
}
