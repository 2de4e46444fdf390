import Foundation
import Testing
import TestSupport
import Telemetry

/// Checks the .ibt reader against the real files in shared/data/telemetry and the oracle
/// (`manifest.json`, derived CSVs) that an independent reader and pyirsdk produced.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
struct IBTFileTests {
    static var directory: URL { (TestData.sharedDataDirectory ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent("telemetry") }

    static var manifest: [String: [String: Any]] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [:] }
        return object
    }

    private func open(_ name: String) throws -> IBTFile {
        try IBTFile(contentsOf: Self.directory.appendingPathComponent(name))
    }

    private func refusal(_ name: String) -> IBTError? {
        do {
            _ = try IBTFile(contentsOf: Self.directory.appendingPathComponent(name))
            return nil
        } catch {
            return error
        }
    }

    @Test func headersAndRowCountsMatchTheManifest() throws {
        let manifest = Self.manifest
        #expect(manifest.count == 5)
        for (name, entry) in manifest {
            let file = try open(name)
            let header = try #require(entry["header"] as? [String: Any])
            let varBuf = try #require(header["varBuf0"] as? [String: Any])
            let disk = try #require(entry["diskSubHeader"] as? [String: Any])
            #expect(Int(file.header.version) == header["ver"] as? Int, "\(name)")
            #expect(Int(file.header.tickRate) == header["tickRate"] as? Int, "\(name)")
            #expect(Int(file.header.sessionInfoLength) == header["sessionInfoLen"] as? Int, "\(name)")
            #expect(Int(file.header.sessionInfoOffset) == header["sessionInfoOffset"] as? Int, "\(name)")
            #expect(Int(file.header.variableCount) == header["numVars"] as? Int, "\(name)")
            #expect(file.variables.count == header["numVars"] as? Int, "\(name)")
            #expect(Int(file.header.variableHeaderOffset) == header["varHeaderOffset"] as? Int, "\(name)")
            #expect(Int(file.header.bufferCount) == header["numBuf"] as? Int, "\(name)")
            #expect(Int(file.header.bufferLength) == header["bufLen"] as? Int, "\(name)")
            #expect(Int(file.header.bufferOffset) == varBuf["bufOffset"] as? Int, "\(name)")
            #expect(Int(file.header.tickCount) == varBuf["tickCount"] as? Int, "\(name)")
            #expect(Int(file.diskHeader.sessionStartDate) == disk["sessionStartDate"] as? Int, "\(name)")
            #expect(close(file.diskHeader.sessionStartTime, disk["sessionStartTime"] as? Double ?? .nan), "\(name)")
            #expect(close(file.diskHeader.sessionEndTime, disk["sessionEndTime"] as? Double ?? .nan), "\(name)")
            #expect(Int(file.diskHeader.sessionRecordCount) == disk["sessionRecordCount"] as? Int, "\(name)")
            #expect(file.rowCount == entry["rowsInFile"] as? Int, "\(name)")
        }
    }

    @Test func sessionInfoMatchesTheManifest() throws {
        for (name, entry) in Self.manifest {
            let info = try open(name).sessionInfo
            let weekend = try #require(entry["weekend"] as? [String: Any])
            let car = try #require(entry["driverCar"] as? [String: Any])
            let sessions = try #require(entry["sessions"] as? [[String: Any]])
            #expect(info.trackName == weekend["TrackName"] as? String, "\(name)")
            #expect(info.trackDisplayName == weekend["TrackDisplayName"] as? String, "\(name)")
            // The manifest writes an empty TrackConfigName as null.
            #expect(info.trackConfigName == (weekend["TrackConfigName"] as? String ?? ""), "\(name)")
            #expect(info.carScreenName == car["CarScreenName"] as? String, "\(name)")
            #expect(info.sessionType == sessions.first?["SessionType"] as? String, "\(name)")
            let lengthText = try #require(weekend["TrackLength"] as? String)
            let kilometres = try #require(Double(lengthText.split(separator: " ")[0]))
            #expect(abs((info.trackLength ?? 0) - kilometres * 1000) < 1e-6, "\(name)")
        }
    }

    @Test func langleySessionDescriptor() throws {
        let descriptor = try #require(try open("rr_skmodified_langley_2015-05-28_14-46-23.ibt").sessionInfo.sessionDescriptor)
        #expect(descriptor == SessionDescriptor(
            sim: "iracing", track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580),
            car: "Modified - SK", sessionType: "offline testing"))
    }

    @Test func emptyAndGarbageFilesAreRefused() {
        #expect(refusal("teamjorge_empty_test_file.ibt") == .emptyFile)
        #expect(refusal("teamjorge_invalid_test_file.ibt") == .unsupportedVersion(1_635_021_600))
        #expect(refusal("no-such-file.ibt")?.code == "unreadable")
    }

    @Test func truncatedFilesAreRefusedOrShortened() throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("rr_skmodified_langley_2015-05-28_14-45-12.ibt"))
        #expect(throws: IBTError.tooSmall(size: 100, needed: 144)) { try IBTFile(data: data.prefix(100)) }
        #expect(throws: IBTError.self) { try IBTFile(data: data.prefix(5000)) }  // cuts the variable headers
        // Cut in the middle of the rows: the whole rows that remain are readable.
        let file = try IBTFile(data: data.prefix(28060 + 561 * 100 + 17))
        #expect(file.rowCount == 100)
        #expect(try file.frames().count == 100)
    }

    @Test func modernFilesCarryTrackSurfaceAndOldOnesDoNot() throws {
        let modern = try open("iracingrs_mercedesamggt4_sebring_2025-11-20.ibt").frames()
        let old = try open("rr_skmodified_langley_2015-05-28_14-46-23.ibt").frames()
        #expect(modern.first?.presentChannels.contains(.trackSurface) == true)
        #expect(old.first?.presentChannels.contains(.trackSurface) == false)
        #expect(old.first?.presentChannels.isSuperset(of: .required) == true)
        // Row 0 of these files has Lat = Lon = 0 ("not known"), which must not read as a position.
        #expect(old.first?.latitude.isNaN == true)
    }

    /// Every value of every derived lap CSV equals what the reader returns for that record.
    @Test(arguments: [
        "rr_skmodified_langley_2015-05-28_14-46-23_lap174", "rr_skmodified_langley_2015-05-28_14-46-23_lap175",
        "rr_skmodified_langley_2015-05-28_14-50-46_lap184", "rr_skmodified_langley_2015-05-28_14-50-46_lap185",
    ])
    func derivedCSVRowsMatchTheReader(lap: String) throws {
        let cut = try #require(lap.range(of: "_lap"))
        let source = String(lap[..<cut.lowerBound]) + ".ibt"
        let file = try open(source)
        let frames = try file.frames()
        let text = try String(contentsOf: Self.directory.appendingPathComponent("derived/\(lap).csv"), encoding: .utf8)
        var lines = text.split(separator: "\n")
        let columns = lines.removeFirst().split(separator: ",").map(String.init)
        #expect(lines.count > 800)
        var mismatches = 0
        for line in lines {
            let fields = line.split(separator: ",").map { Double($0) }
            let row = try #require(fields[0].map { Int($0) })
            for (column, expected) in zip(columns, fields).dropFirst() {
                let expected = try #require(expected)
                let actual = try #require(file.value(column, row: row), "\(column)")
                if !close(actual, expected) { mismatches += 1 }
            }
            let frame = frames[row]
            let values: [Double?] = fields
            let byName = Dictionary(uniqueKeysWithValues: zip(columns, values))
            let fromFrame: [(String, Double)] = [
                ("SessionTime", frame.sessionTime), ("LapDist", Double(frame.lapDistance)),
                ("Speed", Double(frame.speed)), ("Brake", Double(frame.brake)),
                ("SteeringWheelAngle", Double(frame.steering)), ("Lon", frame.longitude),
                ("Gear", Double(frame.gear)), ("Lap", Double(frame.lapNumber)),
            ]
            for (column, value) in fromFrame {
                let expected: Double = (byName[column] ?? nil) ?? .nan
                if !close(value, expected) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    private func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-6 * max(abs(a), abs(b))
    }
}
