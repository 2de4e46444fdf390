import Foundation
import Testing
import TestSupport
import Telemetry

/// The lazy reader (`IBTReader`: no YAML parsed at open, only the channels asked for) against a
/// full read (`IBTFile`: YAML parsed at open, every value read one by one) of the real files.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "needs ../shared/data (absent)"))
struct IBTReaderTests {
    private func url(_ name: String) -> URL { IBTFileTests.directory.appendingPathComponent(name) }

    @Test func lazyReaderGivesTheFullReadsValuesOnEveryRealFile() throws {
        let names = IBTFileTests.manifest.keys.sorted()
        #expect(names.count == 5)
        for name in names {
            let full = try IBTFile(contentsOf: url(name))
            let lazy = try IBTReader(contentsOf: url(name))
            #expect(lazy.header == full.header && lazy.diskHeader == full.diskHeader, "\(name)")
            #expect(lazy.variables == full.variables && lazy.rowCount == full.rowCount, "\(name)")
            #expect(try lazy.frames() == full.frames(), "\(name)")
            for variable in lazy.variables {
                let column = try #require(lazy.column(variable), "\(name) \(variable.name)")
                #expect(column.values.count == full.rowCount * variable.count)
                var differing = 0
                for row in 0..<full.rowCount {
                    for element in 0..<variable.count {
                        let expected = try #require(full.value(of: variable, row: row, element: element))
                        if column[row, element].bitPattern != expected.bitPattern { differing += 1 }
                    }
                }
                #expect(differing == 0, "\(name) \(variable.name): \(differing) values differ")
            }
            #expect(lazy.sessionInfoYAML == full.sessionInfoYAML, "\(name)")
            #expect(try lazy.sessionInfo() == full.sessionInfo, "\(name)")
            #expect(try lazy.sessionInfo() == full.sessionInfo, "\(name): asked again")
        }
    }

    @Test func columnsAreOnlyTheChannelsAskedForInTheirOrder() throws {
        let reader = try IBTReader(contentsOf: url("rr_skmodified_langley_2015-05-28_14-46-23.ibt"))
        let columns = reader.columns(named: ["Speed", "NoSuchChannel", "Lap"])
        #expect(columns.map(\.variable.name) == ["Speed", "Lap"])
        let lap = try #require(reader.variable(named: "Lap"))
        #expect(columns[1][reader.rowCount - 1] == reader.value(of: lap, row: reader.rowCount - 1))
        // A variable from elsewhere that lies outside this file's rows is not read.
        var foreign = lap
        foreign.offset = Int(reader.header.bufferLength)
        #expect(reader.column(foreign) == nil)
    }

    /// Opening and reading rows never parse the YAML: a file whose YAML no repair can parse is
    /// refused by `IBTFile` but read by `IBTReader`, which reports the YAML only when asked.
    @Test func theYAMLIsParsedOnlyWhenSessionInfoIsAskedFor() throws {
        let name = "rr_skmodified_langley_2015-05-28_14-45-12.ibt"
        var data = try Data(contentsOf: url(name))
        let intact = try IBTReader(data: data)
        let offset = Int(intact.header.sessionInfoOffset)
        let broken = Array("---\nWeekendInfo: x\n  y: z\n".utf8)
        data.replaceSubrange(offset..<(offset + broken.count), with: broken)

        #expect(throws: IBTError.self) { try IBTFile(data: data) }
        let lazy = try IBTReader(data: data)
        #expect(try lazy.frames() == intact.frames())
        #expect(lazy.columns(named: ["Speed"]).first?.values == intact.columns(named: ["Speed"]).first?.values)
        for _ in 0..<2 {
            #expect { try lazy.sessionInfo() } throws: { ($0 as? IBTError)?.code == "invalid_session_info" }
        }
        #expect(try intact.sessionInfo().trackName == "langley")
    }
}
