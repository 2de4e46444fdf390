import Foundation
import Testing
import Telemetry

/// The export formats on small hand-written files whose answers follow from their numbers.
@Suite struct LapExportFormatTests {
    private func failure(_ text: String, fileName: String = "") -> CSVError? {
        do {
            _ = try LapExport.parse(text, fileName: fileName)
            return nil
        } catch {
            return error
        }
    }

    /// 60 Hz rows of a car at a steady 50 m/s on a 100 m track: 2 s and 121 rows from the line to
    /// the line, plus one row of the previous lap before and one of the next after.
    static func garage61Lap(throttleGapAt gap: Int? = nil) -> String {
        var lines = ["Speed,LapDistPct,Lat,Lon,Brake,Throttle,RPM,SteeringWheelAngle,Gear,Clutch,ABSActive,DRSActive,LatAccel,LongAccel,VertAccel,Yaw,YawRate,PositionType"]
        let fractions = [0.995] + (0...120).map { Double($0) / 120 * 0.999 } + [0.004]
        for (row, fraction) in fractions.enumerated() {
            let throttle = row == gap ? "" : "1"
            lines.append("50,\(fraction),51.5,-0.1,0,\(throttle),7000,-0.1,4,1,false,false,0.5,0.2,9.8,1.0,0.01,3")
        }
        return lines.joined(separator: "\n")
    }

    @Test func garage61LapIsTimedFromItsRowsAndNamedFromItsFileName() throws {
        let name = "Garage 61 - Jo Driver - Modified - SK - Langley Speedway (Oval) - 00.02.004 - 01HXYZ.csv"
        let session = try LapExport.parse(Self.garage61Lap(throttleGapAt: 10), fileName: name, trackLength: 100)
        #expect(session.format == .garage61CSV)
        #expect(session.metadata == ImportedSessionMetadata(
            track: "Langley Speedway", trackConfiguration: "Oval", trackLength: 100, car: "Modified - SK", driver: "Jo Driver"))
        let lap = try #require(session.laps.first)
        #expect(session.laps.count == 1 && lap.isValid)
        #expect(lap.frames.count == 121)  // the rows of the previous and next lap are left out
        #expect(lap.lapTime == 2.004)  // the file name's time wins over the rows' 2.0 s
        #expect(abs((lap.endTime ?? 0) - lap.startTime - 2.0) < 0.02)
        #expect(abs(lap.frames[60].lapDistance - 49.95) < 0.01)
        #expect(lap.frames[9].throttle == 1)  // the empty throttle field holds the last value
        #expect(lap.frames.allSatisfy { $0.presentChannels.contains(.gear) && $0.gear == 4 && $0.trackSurface == .onTrack })
    }

    @Test func garage61WithoutTrackLengthMeasuresTheDrivenLength() throws {
        let session = try LapExport.parse(Self.garage61Lap())
        #expect(abs(session.lapLength - 100) < 0.01)  // 120 intervals of 1/60 s at 50 m/s
        #expect(session.metadata == ImportedSessionMetadata())
        #expect(session.laps.first?.lapTime.map { abs($0 - 2.0) < 0.05 } == true)
    }

    static func motec(beacons: String, range: String, units: String = "\"s\",\"m\",\"km/h\",\"%\",\"%\",\"deg\"") -> String {
        var lines = [
            "\"Format\",\"MoTeC CSV File\",,,\"Workbook\",\"Driver\"",
            "\"Venue\",\"test_ring\",,,\"Worksheet\",\"Worksheet\"",
            "\"Vehicle\",\"test_car\",,,\"Vehicle Desc\",\"\"",
            "\"Driver\",\"KR\"",
            "\"Log Date\",\"3/1/2024\",,,\"Origin Time\",\"0.000\",\"s\"",
            "\"Log Time\",\"09:05:00\",,,\"Start Time\",\"0.000\",\"s\"",
            "\"Duration\",\"30.000\",\"s\",,\"Start Distance\",\"0.0\",\"m\"",
            "\"Range\",\"\(range)\",,,\"End Distance\",\"300.0\",\"m\"",
            "\"Beacon Markers\",\"\(beacons)\"", "", "",
            "\"Time\",\"Distance\",\"Ground Speed\",\"Throttle Pos\",\"Brake Pos\",\"Steering Angle\"",
            units, "", "",
        ]
        // 36 km/h = 10 m/s for 30 s at 10 Hz: three laps of 100 m, beacons at 10 s and 20 s.
        for step in 0...300 {
            let time = Double(step) / 10
            lines.append("\"\(String(format: "%.3f", time))\",\"\(String(format: "%.1f", time * 10))\",\"36.0\",\"50.0\",\"0.0\",\"90.0\"")
        }
        return lines.joined(separator: "\n")
    }

    @Test func motecBeaconsSplitASessionExportIntoLaps() throws {
        let session = try LapExport.parse(Self.motec(beacons: "0.000  10.000  20.000", range: "Session"))
        #expect(session.format == .motecCSV)
        #expect(session.metadata.track == "test_ring" && session.metadata.car == "test_car" && session.metadata.driver == "KR")
        #expect(session.metadata.date == "2024-01-03T09:05:00")
        #expect(session.laps.map(\.lapNumber) == [1, 2, 3])
        #expect(session.laps.allSatisfy { $0.isValid && abs(($0.lapTime ?? 0) - 10) < 1e-6 })
        #expect(abs(session.lapLength - 100) < 1e-3)
        let first = try #require(session.laps.first?.frames.first)
        #expect(first.speed == 10 && first.throttle == 0.5 && abs(first.steering - .pi / 2) < 1e-6)
        #expect(session.laps[1].frames.first?.lapDistance == 0)  // distance restarts at the beacon
    }

    @Test func motecSingleLapExportTakesTheDuration() throws {
        let session = try LapExport.parse(Self.motec(beacons: "00.000     ", range: "Lap 7"))
        #expect(session.laps.count == 1 && session.laps[0].lapNumber == 7)
        #expect(session.laps[0].lapTime == 30 && session.lapLength == 300)
    }

    @Test func badFilesGetStableErrors() {
        #expect(failure("") == .empty)
        #expect(failure("Speed,LapDistPct,Throttle,Brake\n") == .noData)
        #expect(failure("Speed,LapDistPct,Throttle\n1,0.1,1") == .missingColumns(format: "Garage 61", columns: ["Brake"]))
        #expect(failure("Speed,LapDistPct,Throttle,Brake\n1,0.1,yes,0") == .badNumber(line: 2, column: "Throttle", text: "yes"))
        #expect(failure(Self.motec(beacons: "", range: "Lap 1", units: "\"s\",\"m\",\"furlong/fortnight\",\"%\",\"%\",\"deg\""))
            == .unsupportedUnit(column: "Ground Speed", unit: "furlong/fortnight"))
        #expect(failure("\"Format\",\"MoTeC CSV File\"\n\"Venue\",\"x\"")?.code == "bad_preamble")
        #expect(failure("a,b\n1,2")?.code == "unknown_format")
    }
}

/// How laps are judged, on frames built to show one problem each.
@Suite struct LapSplitterTests {
    /// A lap of `length` metres at 20 m/s sampled at 10 Hz starting `offset` metres past the line.
    static func lap(_ number: Int32, from start: Double, offset: Double = 0, length: Double = 100) -> [TelemetryFrame] {
        stride(from: offset, through: length - 1, by: 2).map { distance in
            TelemetryFrame(sessionTime: start + (distance - offset) / 20, lapNumber: number, lapDistance: Float(distance),
                           speed: 20, throttle: 1, brake: 0, gear: 3)
        }
    }

    @Test func cleanLapsAreTimedLineToLine() {
        let frames = Self.lap(1, from: 0) + Self.lap(2, from: 5)
        let (laps, length) = LapSplitter.split(frames, lapLength: 100)
        #expect(length == 100)
        #expect(laps.map(\.isValid) == [true, true])
        #expect(laps.allSatisfy { abs(($0.lapTime ?? 0) - 5) < 1e-9 })
    }

    @Test func outLapPartialPitResetAndGapAreNamed() {
        let outLap = Self.lap(1, from: 0, offset: 60)
        var pit = Self.lap(2, from: 2)
        pit[3].onPitRoad = true
        // Towed from 40 m back to 10 m, then driven on to the line.
        var reset = Array(Self.lap(3, from: 7).prefix(21))
        for frame in Self.lap(3, from: 0, offset: 10) {
            var moved = frame
            moved.sessionTime += 9.05
            reset.append(moved)
        }
        var gap = Self.lap(4, from: 12)
        for index in 10..<gap.count { gap[index].sessionTime += 1 }  // a second of frames lost
        let partial = Array(Self.lap(5, from: 18).prefix(20))
        let late = Self.lap(6, from: 30, offset: 40)
        let (laps, _) = LapSplitter.split(outLap + pit + reset + gap + partial + late, lapLength: 100)
        #expect(laps.map(\.invalidReason) == [.outLap, .pitRoad, .reset, .dataGap, .partial, .partial])
        #expect(laps[0].lapTime == nil && laps[0].endTime != nil)
        #expect(laps[4].endTime == nil && laps[4].lapTime == nil)
    }

    /// Frames lost where the export's clock counts only the frames it got: the car is 60 m on in
    /// one 0.1 s tick at 20 m/s. Forwards that is a hole, not a reset; backwards it is a reset.
    @Test func aForwardJumpIsLostFramesABackwardJumpAReset() {
        var lost = Self.lap(1, from: 0)
        let cut = lost.count / 3
        lost.removeSubrange(cut..<(cut + 30))
        for index in cut..<lost.count { lost[index].sessionTime -= 3 }
        var putBack = Self.lap(2, from: 5)
        for index in 30..<putBack.count { putBack[index].lapDistance -= 40 }
        putBack.append(contentsOf: Self.lap(2, from: 10, offset: 60).filter { $0.lapDistance >= 60 })
        let (laps, _) = LapSplitter.split(lost + putBack, lapLength: 100)
        #expect(laps.map(\.invalidReason) == [.dataGap, .reset])
        #expect(laps[0].lapTime == nil, "the clock skipped the hole: 1.8 s for a 5 s lap")
    }

    /// With no declared length a lap that ends at the line ends at its last frame: the median
    /// length is not this lap's, and extrapolating to it would add time nobody drove.
    @Test func measuredLengthDoesNotStretchAShortLap() {
        let short = Self.lap(1, from: 0, length: 96), long = Self.lap(2, from: 5), longer = Self.lap(3, from: 10)
        let (laps, length) = LapSplitter.split(short + long + longer, lapLength: nil)
        #expect(length == 98)
        #expect(laps[0].isValid && laps[0].endTime == short.last?.sessionTime)
        let declared = LapSplitter.split(short, lapLength: 98).laps[0]
        #expect(abs((declared.endTime ?? 0) - (short.last?.sessionTime ?? 0) - 4.0 / 20) < 1e-9)  // 4 m at 20 m/s
    }

    @Test func measuredLengthIsTheMedianReach() {
        let frames = Self.lap(1, from: 0) + Array(Self.lap(2, from: 5).prefix(10)) + Self.lap(3, from: 10)
        #expect(LapSplitter.split(frames, lapLength: nil).lapLength == 98)
    }
}
