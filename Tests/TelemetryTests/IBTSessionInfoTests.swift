import Foundation
import Testing
import TestSupport
import Telemetry

/// The session-info YAML through Yams: iRacing's quirks repaired, the player's entry found, and
/// YAML that no repair can save refused with a line and column.
@Suite struct IBTSessionInfoTests {
    /// Shaped like a real file's YAML, with the breakages iRacing is known to write.
    static let quirkyYAML = """
        ---
        WeekendInfo:
         TrackName: summit point
         TrackLength: 3.20 km
         TrackDisplayName: Summit Point Raceway
         TrackConfigName: Summit Point Raceway
        SessionInfo:
         Sessions:
         - SessionNum: 0
           SessionType: Practice
           SessionName: PRACTICE
         - SessionNum: 1
           SessionType: Race
           SessionName: RACE
        DriverInfo:
         DriverCarIdx: 1
         DriverSetupName: #2 dry: quali.sto
         Drivers:
         - CarIdx: 0
           UserName: Pace Car
           CarScreenName: Safety Car
         - CarIdx: 1
           UserName: Jim "The Rocket" O'Neil: \u{07}fast
           AbbrevName: *Neil, J
           TeamName: &Stars & Bars #1
           UserID: 123456
           CarNumber: "07"
           CarScreenName: Skip Barber Formula 2000
           CarPath: skipbarber
           CarID: 1

        ...
        \0\0\0garbage after the padding
        """

    @Test func repairsIRacingsBrokenScalarsAndFindsThePlayer() throws {
        let info = try IBTSessionInfo(yaml: Self.quirkyYAML)
        #expect(info.trackName == "summit point")
        #expect(info.trackConfigName == "Summit Point Raceway")
        #expect(info.trackLength == 3200)
        #expect(info.sessionTypes == ["Practice", "Race"])
        #expect(info.sessionType == "Practice")
        #expect(info.sessions.last?.number == 1 && info.sessions.last?.name == "RACE")
        let driver = try #require(info.driver)
        #expect(driver.carIndex == 1)
        #expect(driver.userName == "Jim \"The Rocket\" O'Neil:  fast")  // the BEL became a space
        #expect(driver.teamName == "&Stars & Bars #1")
        #expect(driver.userID == 123456)
        #expect(driver.carNumber == "07")  // quoted in the file: stays text, keeps its zero
        #expect(info.carScreenName == "Skip Barber Formula 2000")
        #expect(driver.carPath == "skipbarber" && driver.carID == 1)
        #expect(info.document.value(at: "DriverInfo", "DriverSetupName")?.string == "#2 dry: quali.sto")
        #expect(info.document.value(at: "DriverInfo", "Drivers")?[0]?["UserName"]?.string == "Pace Car")
    }

    @Test func unrepairableYAMLIsRefusedWithWhereItBroke() {
        let broken = "WeekendInfo:\n TrackName: a\n   Nested: b\n  Stray: c\n"
        #expect {
            try IBTSessionInfo(yaml: broken)
        } throws: { error in
            guard let error = error as? IBTError, case .invalidSessionInfo(let reason) = error else { return false }
            return error.code == "invalid_session_info" && reason.contains("line ")
        }
        #expect(throws: IBTError.self) { try IBTSessionInfo(yaml: "just a sentence") }
        #expect(throws: IBTError.self) { try IBTSessionInfo(yaml: "") }
    }

    @Test func plainValuesAreLeftAsWritten() throws {
        let info = try IBTSessionInfo(yaml: "WeekendInfo:\n TrackLatitude: -76.386100 m\n TrackConfigName: \n")
        #expect(info.document.value(at: "WeekendInfo", "TrackLatitude")?.string == "-76.386100 m")
        #expect(info.trackConfigName == "")
        #expect(info.driver == nil && info.sessions.isEmpty)
    }

    // MARK: Real files

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
    func realFilesGiveTheManifestsDriverAndSessions() throws {
        for (name, entry) in IBTFileTests.manifest {
            let info = try IBTFile(contentsOf: IBTFileTests.directory.appendingPathComponent(name)).sessionInfo
            let car = try #require(entry["driverCar"] as? [String: Any])
            let sessions = try #require(entry["sessions"] as? [[String: Any]])
            let topLevel = try #require(entry["yamlTopLevelKeys"] as? [String])
            #expect(info.driver?.carIndex == entry["driverCarIdx"] as? Int, "\(name)")
            #expect(info.driver?.carPath == car["CarPath"] as? String, "\(name)")
            #expect(info.driver?.carID == car["CarID"] as? Int, "\(name)")
            #expect(info.sessionTypes == sessions.compactMap { $0["SessionType"] as? String }, "\(name)")
            #expect(info.sessions.map(\.number) == sessions.map { $0["SessionNum"] as? Int }, "\(name)")
            guard case .mapping(let sections) = info.document else {
                Issue.record("\(name): the document is not a mapping")
                continue
            }
            #expect(sections.map(\.key) == topLevel, "\(name)")
        }
    }
}
