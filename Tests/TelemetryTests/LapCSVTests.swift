import Foundation
import Testing
import TestSupport
import Telemetry

@Suite struct LapCSVTests {
    private func failure(_ text: String) -> CSVError? {
        do {
            _ = try LapCSV.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsTheRoadFormWithUnitConversions() throws {
        let text = """
            lap,t_s,dist_m,speed_kmh,throttle,brake,gear,steer_deg,rpm,lat_accel_g,long_accel_g
            1,0.0,0.0,72.0,1.0,0.0,,90.0,2876.0,-0.5,0.52
            1,0.02,0.4,36.0,0.5,0.25,3,-45.0,2902.0,1.0,0.0
            """
        let frames = try LapCSV.parse(text)
        #expect(frames.count == 2)
        #expect(frames[0].speed == 20)  // 72 km/h
        #expect(abs(frames[0].steering - .pi / 2) < 1e-6)
        #expect(abs(frames[0].lateralAcceleration + 4.903325) < 1e-5)
        #expect(frames[0].presentChannels.contains(.gear) == false)  // empty field: not recorded
        #expect(frames[1].presentChannels.contains(.gear))
        #expect(frames[1].gear == 3)
        #expect(frames[1].brake == 0.25)
    }

    @Test func roadSessionTimeContinuesAcrossLaps() throws {
        let text = """
            seq,lap,t_s,dist_m,dist_ref_m,speed_kmh,throttle,brake
            1,3,0.0,0,1,100,1,0
            1,3,0.5,10,11,100,1,0
            2,3,0.0,0,2,100,1,0
            """
        let frames = try LapCSV.parse(text)
        #expect(frames.map(\.lapNumber) == [1, 1, 2])  // seq is the lap identity
        #expect(frames.map(\.sessionTime) == [0, 0.5, 1.0])
        #expect(frames.map(\.lapDistance) == [1, 11, 2])  // dist_ref_m preferred
    }

    @Test func windowsLineEndingsAreLines() throws {
        let text = "lap,t_s,dist_m,speed_kmh,throttle,brake\r\n1,0,0,36,1,0\r\n1,0.1,1,36,1,0\r\n"
        #expect(try LapCSV.parse(text).count == 2)
    }

    @Test func readsTheIRacingExportForm() throws {
        let text = """
            row,SessionTime,Lap,LapDist,Speed,Throttle,Brake,Gear,Lat,Lon,OnPitRoad
            9,4216.38,174,0.59,43.2,1.0,0.0,2,0,0,1
            """
        let frame = try #require(try LapCSV.parse(text).first)
        #expect(frame.lapNumber == 174 && frame.gear == 2 && frame.onPitRoad)
        #expect(frame.latitude.isNaN)  // 0 is iRacing's "no position"
        #expect(frame.presentChannels == ChannelMask.required.union(.onPitRoad))
    }

    @Test func refusesBadInputWithClearErrors() {
        #expect(failure("") == .empty)
        #expect(failure("a,b,c\n1,2,3")?.code == "unknown_format")
        #expect(failure("lap,t_s,dist_m,throttle\n1,0,0,1") == .missingColumns(format: "road lap", columns: ["speed_kmh", "brake"]))
        #expect(failure("SessionTime,Lap,LapDist,Speed,Throttle,Brake,Gear\n1,2,3,4,1,0") == .wrongFieldCount(line: 2, expected: 7, found: 6))
        #expect(failure("SessionTime,Lap,LapDist,Speed,Throttle,Brake,Gear\n1,2,3,4,1,0,x") == .badNumber(line: 2, column: "Gear", text: "x"))
        #expect(failure("SessionTime,Lap,LapDist,Speed,Throttle,Brake,Gear\n1,2.5,3,4,1,0,1")?.code == "bad_number")
        #expect(failure("SessionTime,Lap,LapDist,Speed,Throttle,Brake,Gear\n1,2,3,nan,1,0,1")?.code == "bad_number")
    }

    // MARK: Real data

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
    func iRacingLapExportsMatchTheirSourceFiles() throws {
        let root = try #require(TestData.sharedDataDirectory).appendingPathComponent("telemetry")
        let ibt = try IBTFile(contentsOf: root.appendingPathComponent("rr_skmodified_langley_2015-05-28_14-46-23.ibt")).frames()
        let lap = try LapCSV.read(root.appendingPathComponent("derived/rr_skmodified_langley_2015-05-28_14-46-23_lap175.csv"))
        let firstRow = try #require(ibt.firstIndex { abs($0.sessionTime - lap[0].sessionTime) < 1e-9 })
        #expect(lap.count > 800)
        for (offset, frame) in lap.enumerated() {
            let source = ibt[firstRow + offset]
            #expect(frame.lapNumber == 175 && source.lapNumber == 175)
            #expect(frame.speed == source.speed && frame.lapDistance == source.lapDistance && frame.gear == source.gear)
        }
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
    func roadLapsMatchTheirSummaries() throws {
        let root = try #require(TestData.sharedDataDirectory).appendingPathComponent("telemetry-road")
        for dataset in ["gt7-gt7dashboard", "ac-acti-motec-fsuk", "iracing-ocypode-summitpoint"] {
            let folder = root.appendingPathComponent(dataset).appendingPathComponent("derived")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
            #expect(!files.isEmpty)
            for file in files {
                let url = folder.appendingPathComponent(file)
                let frames = try LapCSV.read(url)
                let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).count
                #expect(frames.count == lines - 1, "\(file)")
                // Continuous time, pedals in 0...1 and speeds a car can reach after km/h → m/s.
                #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.sessionTime < $1.sessionTime }, "\(file)")
                #expect(frames.allSatisfy { (0...1).contains($0.throttle) && (0...1).contains($0.brake) }, "\(file)")
                let top = frames.map(\.speed).max() ?? 0
                #expect(top > 25 && top < 75, "\(file): top speed \(top) m/s")
            }
        }
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
    func summitPointLapTimesMatchTheSummary() throws {
        let folder = try #require(TestData.sharedDataDirectory).appendingPathComponent("telemetry-road/iracing-ocypode-summitpoint/derived")
        let frames = try LapCSV.read(folder.appendingPathComponent("summit_point_laps.csv"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any]
        let laps = try #require(summary?["laps"] as? [[String: Any]]).filter { $0["complete"] as? Bool == true }
        #expect(Set(frames.map(\.lapNumber)) == Set(laps.compactMap { ($0["lap"] as? Int).map(Int32.init) }))
        for lap in laps {
            let number = Int32(try #require(lap["lap"] as? Int))
            let maxKmh = try #require(lap["speed_max_kmh"] as? Double)
            let top = frames.filter { $0.lapNumber == number }.map(\.speed).max() ?? 0
            #expect(abs(Double(top) * 3.6 - maxKmh) < 0.1, "lap \(number)")
        }
    }
}
