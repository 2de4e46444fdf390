import Foundation
import Testing
import TestSupport
import Telemetry

/// Damaged copies of real files (header version 1 and 2): every cut and every impossible header
/// field is refused with the error that names it, never a crash or a silently wrong read.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
struct IBTCorruptionTests {
    static let version1 = "rr_skmodified_langley_2015-05-28_14-45-12.ibt"
    static let version2 = "teamjorge_mercedesw13_redbullring_2024-06-24_valid.ibt"

    private func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: IBTFileTests.directory.appendingPathComponent(name))
    }

    private func refusal(_ data: Data) -> IBTError? {
        do {
            _ = try IBTFile(data: data)
            return nil
        } catch {
            return error
        }
    }

    private func patched(_ data: Data, int32 value: Int32, at offset: Int) -> Data {
        var copy = data
        withUnsafeBytes(of: value.littleEndian) { copy.replaceSubrange(offset..<(offset + 4), with: $0) }
        return copy
    }

    @Test(arguments: [version1, version2])
    func everyCutIsRefusedOrShortenedToWholeRows(name: String) throws {
        let data = try bytes(name)
        let file = try IBTFile(data: data)
        #expect(file.header.version == (name == Self.version1 ? 1 : 2))
        let variablesEnd = Int(file.header.variableHeaderOffset) + file.variables.count * 144
        let yamlEnd = Int(file.header.sessionInfoOffset) + Int(file.header.sessionInfoLength)
        let rowLength = Int(file.header.bufferLength)
        let rowsStart = Int(file.header.bufferOffset)

        #expect(refusal(data.prefix(0)) == .emptyFile)
        #expect(refusal(data.prefix(143)) == .tooSmall(size: 143, needed: 144))
        #expect(refusal(data.prefix(variablesEnd - 1))?.code == "out_of_bounds")
        if case .outOfBounds(let section, _, _, _)? = refusal(data.prefix(variablesEnd - 1)) {
            #expect(section == "variable headers")
        }
        if case .outOfBounds(let section, _, _, let size)? = refusal(data.prefix(yamlEnd - 1)) {
            #expect(section == "session info" && size == yamlEnd - 1)
        } else {
            Issue.record("a cut inside the YAML was not refused as out of bounds")
        }
        #expect(refusal(data.prefix(rowsStart + rowLength - 1)) == .noRows(recorded: Int(file.diskHeader.sessionRecordCount)))
        let short = try IBTFile(data: data.prefix(rowsStart + 3 * rowLength + rowLength / 2))
        #expect(short.rowCount == 3)
        #expect(short.value("SessionTime", row: 2) == file.value("SessionTime", row: 2))
        #expect(short.value("SessionTime", row: 3) == nil)
    }

    @Test(arguments: [version1, version2])
    func impossibleHeaderFieldsAreNamed(name: String) throws {
        let data = try bytes(name)
        #expect(refusal(patched(data, int32: 3, at: 0)) == .unsupportedVersion(3))
        #expect(refusal(patched(data, int32: 0, at: 8)) == .invalidHeader(field: "tickRate", value: 0))
        #expect(refusal(patched(data, int32: 0, at: 32)) == .invalidHeader(field: "numBuf", value: 0))
        #expect(refusal(patched(data, int32: -5, at: 36)) == .invalidHeader(field: "bufLen", value: -5))
        #expect(refusal(patched(data, int32: -1, at: 24)) == .invalidHeader(field: "numVars", value: -1))
        #expect(refusal(patched(data, int32: Int32.max, at: 24))?.code == "out_of_bounds")
        #expect(refusal(patched(data, int32: Int32.max, at: 20))?.code == "out_of_bounds")
        #expect(refusal(patched(data, int32: 100, at: 52)) == .invalidHeader(field: "varBuf[0].bufOffset", value: 100))
        #expect(refusal(patched(data, int32: -1, at: 140)) == .invalidHeader(field: "sessionRecordCount", value: -1))
    }

    @Test(arguments: [version1, version2])
    func brokenVariableHeadersAreNamed(name: String) throws {
        let data = try bytes(name)
        let first = Int(try IBTFile(data: data).header.variableHeaderOffset)
        let unknownType = refusal(patched(data, int32: 9, at: first))
        #expect(unknownType?.code == "invalid_variable")
        #expect(unknownType?.description.contains("unknown type 9") == true)
        let outside = refusal(patched(data, int32: 1_000_000, at: first + 4))
        #expect(outside?.code == "invalid_variable")
        #expect(outside?.description.contains("outside") == true)
        #expect(refusal(patched(data, int32: 0, at: first + 8))?.code == "invalid_variable")  // count 0
    }

    @Test func unparseableSessionInfoIsRefused() throws {
        var data = try bytes(Self.version1)
        let file = try IBTFile(data: data)
        let offset = Int(file.header.sessionInfoOffset)
        // Turn the first section into a mapping nested under a scalar: no repair can save that.
        let broken = Array("---\nWeekendInfo: x\n  y: z\n".utf8)
        data.replaceSubrange(offset..<(offset + broken.count), with: broken)
        #expect(refusal(data)?.code == "invalid_session_info")
    }
}
