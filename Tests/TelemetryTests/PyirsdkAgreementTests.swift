import Foundation
import Testing
import TestSupport
import Telemetry

/// Trailbrake's readers against pyirsdk (PyPI), an independent implementation: every channel of
/// every row of every .ibt in shared/data/telemetry, exact for integers, bools and bit fields and
/// bit-exact for floats and doubles (compared through `scripts/ibt_dump.py`'s FNV-1a hashes of a
/// canonical encoding), the header fields pyirsdk reads, and the live dump's newest row.
@Suite(
    .enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"),
    .enabled(if: PyirsdkTool.python.url != nil, "\(PyirsdkTool.python.reason)"))
struct PyirsdkAgreementTests {
    /// One pyirsdk run for the whole suite (about 7 s for the five files), its JSON kept as bytes.
    static let output: Result<Data, any Error> = Result {
        let python = try #require(PyirsdkTool.python.url)
        let files = IBTFileTests.manifest.keys.sorted().map { IBTFileTests.directory.appendingPathComponent($0).path }
        let script = TestData.packageRoot.appendingPathComponent("scripts/ibt_dump.py").path
        return try PyirsdkTool.run(python, [script] + files + ["--live", LiveTelemetryReaderTests.dumpURL.path])
    }

    static var dump: Result<[String: Any], any Error> {
        Result { try #require(try JSONSerialization.jsonObject(with: output.get()) as? [String: Any]) }
    }

    static let fileNames = IBTFileTests.manifest.keys.sorted()

    @Test func everyFileIsDumped() throws {
        let files = try #require(try Self.dump.get()["files"] as? [String: Any])
        #expect(Set(files.keys) == Set(Self.fileNames))
        #expect(files.count == 5)
    }

    @Test(arguments: fileNames)
    func everyChannelOfEveryRowAgrees(file name: String) throws {
        let files = try #require(try Self.dump.get()["files"] as? [String: [String: Any]])
        let oracle = try #require(files[name])
        let file = try IBTFile(contentsOf: IBTFileTests.directory.appendingPathComponent(name))
        #expect(file.rowCount == oracle["rows"] as? Int)
        #expect(Int(file.header.version) == oracle["version"] as? Int)
        #expect(Int(file.header.tickRate) == oracle["tickRate"] as? Int)
        #expect(Int(file.header.bufferLength) == oracle["bufLen"] as? Int)
        #expect(Int(file.header.bufferOffset) == oracle["bufOffset"] as? Int)
        #expect(Int(file.header.sessionInfoLength) == oracle["sessionInfoLen"] as? Int)
        #expect(Int(file.diskHeader.sessionStartDate) == oracle["sessionStartDate"] as? Int)
        #expect(Int(file.diskHeader.sessionLapCount) == oracle["sessionLapCount"] as? Int)
        let channels = try #require(oracle["channels"] as? [[String: Any]])
        #expect(channels.count == file.variables.count)
        var disagreeing: [String] = []
        for (variable, expected) in zip(file.variables, channels) {
            #expect(variable.name == expected["name"] as? String)
            #expect(Int(variable.type.rawValue) == expected["type"] as? Int, "\(variable.name)")
            #expect(variable.count == expected["count"] as? Int && variable.offset == expected["offset"] as? Int, "\(variable.name)")
            #expect(variable.unit == expected["unit"] as? String, "\(variable.name)")
            var hash = CanonicalHash()
            for row in 0..<file.rowCount {
                for element in 0..<variable.count {
                    guard let value = file.rawValue(of: variable, row: row, element: element) else {
                        Issue.record("\(variable.name) row \(row) unreadable")
                        return
                    }
                    hash.add(value)
                }
            }
            if hash.hex != expected["fnv1a64"] as? String { disagreeing.append(variable.name) }
        }
        #expect(disagreeing.isEmpty, "\(name): channels that differ from pyirsdk: \(disagreeing.prefix(10))")
    }

    @Test func liveDumpsNewestRowAgrees() throws {
        let live = try #require(try Self.dump.get()["live"] as? [String: Any])
        let values = try #require(live["values"] as? [String: Any])
        let reader = try LiveTelemetryReader(region: LiveMemorySnapshot(contentsOf: LiveTelemetryReaderTests.dumpURL))
        let row = try reader.latestRow()
        #expect(try reader.sessionInfo(ifChangedSince: nil)?.update == live["sessionInfoUpdate"] as? Int32)
        #expect(try reader.sessionInfo(ifChangedSince: nil)?.info.trackName == live["trackName"] as? String)
        #expect(values.count == reader.variables.count)
        var disagreeing: [String] = []
        for variable in reader.variables {
            let expected = values[variable.name]
            let list = variable.count > 1 ? (expected as? [Any]) ?? [] : [expected as Any]
            for element in 0..<variable.count where element >= list.count
                || !CanonicalHash.same(row.rawValue(of: variable, element: element), json: list[element]) {
                disagreeing.append("\(variable.name)[\(element)]")
                break
            }
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(10))")
    }
}

/// `scripts/ibt_dump.py`'s FNV-1a 64 over the canonical little-endian encoding of the values.
struct CanonicalHash {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ value: IBTValue) {
        switch value {
        case .char(let code): add(bytes: [UInt8(bitPattern: code)])
        case .bool(let flag): add(bytes: [flag ? 1 : 0])
        case .int(let number): add(littleEndian: UInt32(bitPattern: number))
        case .bitField(let bits): add(littleEndian: bits)
        case .float(let number): number.isNaN ? add(bytes: Array("NaN!".utf8)) : add(littleEndian: number.bitPattern)
        case .double(let number): number.isNaN ? add(bytes: Array("NaN!NaN!".utf8)) : add(littleEndian: number.bitPattern)
        }
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private mutating func add(littleEndian value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.littleEndian) { add(bytes: Array($0)) }
    }

    private mutating func add(bytes: [UInt8]) {
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }

    /// A stored value against pyirsdk's JSON value (NaN written as null, chars as their code).
    static func same(_ value: IBTValue?, json: Any) -> Bool {
        guard let value else { return false }
        let number = json as? NSNumber
        switch value {
        case .char(let code): return number?.intValue == Int(UInt8(bitPattern: code))
        case .bool(let flag): return number?.boolValue == flag
        case .int(let integer): return number?.int64Value == Int64(integer)
        case .bitField(let bits): return number?.int64Value == Int64(bits)
        case .float(let float): return float.isNaN ? json is NSNull : number.map { Float($0.doubleValue).bitPattern == float.bitPattern } == true
        case .double(let double): return double.isNaN ? json is NSNull : number.map { $0.doubleValue.bitPattern == double.bitPattern } == true
        }
    }
}
