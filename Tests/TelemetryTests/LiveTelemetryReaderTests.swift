import Foundation
import Testing
import TestSupport
import Telemetry

/// The live shared-memory layout on a real dump of iRacing's map (Monza, three buffers at ticks
/// 2004/2005/2003, session info update 3), and the consistency rules on a map the "sim" rewrites
/// while it is being read.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "shared/data is absent"))
struct LiveTelemetryReaderTests {
    static var dumpURL: URL {
        IBTFileTests.directory.appendingPathComponent("live/teamjorge_live_memory_map_dump.bin")
    }

    private func dump() throws -> LiveMemorySnapshot { try LiveMemorySnapshot(contentsOf: Self.dumpURL) }

    @Test func headerAndBuffersAreTheDumpsOwn() throws {
        let reader = try LiveTelemetryReader(region: dump())
        #expect(reader.header.base.version == 2 && reader.header.base.tickRate == 60)
        #expect(reader.header.base.sessionInfoOffset == 112 && reader.header.base.sessionInfoUpdate == 3)
        #expect(reader.header.buffers.map(\.tickCount) == [2004, 2005, 2003])
        #expect(reader.header.buffers.map(\.offset) == [1_114_224, 1_138_800, 1_163_376])
        #expect(reader.variables.count == 323)
        #expect(reader.variable(named: "CarIdxLapDistPct")?.count == 64)  // live-only per-car arrays
        #expect(reader.header.isConnected)
    }

    /// The three buffers hold three consecutive sim ticks: the one the reader picks must be the
    /// latest of them by the sim's own clocks (SessionTick, SessionTime), not just by position.
    @Test func latestRowIsTheNewestOfTheThreeConsecutiveTicks() throws {
        let region = try dump()
        let reader = try LiveTelemetryReader(region: region)
        let row = try reader.latestRow()
        #expect(row.tickCount == 2005)
        let tick = try #require(reader.variable(named: "SessionTick"))
        let time = try #require(reader.variable(named: "SessionTime"))
        let rowLength = Int(reader.header.base.bufferLength)
        let ticks = reader.header.buffers.map { buffer in
            let bytes = region.copyBytes(from: Int(buffer.offset) + tick.offset, count: 4)
            return Int32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) })
        }
        #expect(rowLength == 8154)
        #expect(ticks.sorted() == [ticks.min()!, ticks.min()! + 1, ticks.min()! + 2])
        #expect(row.value(of: tick).map(Int32.init) == ticks.max())
        let sessionTime = try #require(row.value(of: time))
        #expect(abs(sessionTime - Double(ticks.max()!) / 60 - (53.15 - 3443.0 / 60)) < 0.01)
        let frame = try reader.frame(of: row)
        #expect(frame.sessionTime == sessionTime)
        #expect(frame.presentChannels.isSuperset(of: .required))
    }

    @Test func sessionInfoIsReadOncePerUpdate() throws {
        let reader = try LiveTelemetryReader(region: dump())
        let first = try #require(try reader.sessionInfo(ifChangedSince: nil))
        #expect(first.update == 3)
        #expect(first.info.trackName == "monza full")
        #expect(first.info.driver?.carIndex == 0)
        #expect(try reader.sessionInfo(ifChangedSince: 3) == nil)
        #expect(try reader.sessionInfo(ifChangedSince: 2)?.update == 3)
    }

    @Test func aRowRewrittenDuringTheCopyIsReadAgain() throws {
        let sim = try SimulatedMap(dump: dump())
        let reader = try LiveTelemetryReader(region: sim)
        let sessionTick = try #require(reader.variable(named: "SessionTick"))
        // While the reader copies the newest row (buffer 1, tick 2005), the sim writes ticks 2006,
        // 2007 and 2008 into buffers 2, 0 and 1: the copy of buffer 1 may mix two rows, so it must
        // be dropped and the retry return tick 2008 with that tick's row (SessionTick = tick + 1438).
        sim.duringNextRowCopy = { map in
            for (tick, buffer) in [(2006, 2), (2007, 0), (2008, 1)] {
                map.writeRow(tick: Int32(tick), buffer: buffer, sessionTickOffset: sessionTick.offset)
            }
        }
        let row = try reader.latestRow()
        #expect(row.tickCount == 2008)
        let rowSessionTick = try #require(row.value(of: sessionTick))
        #expect(rowSessionTick == 3446, "\(rowSessionTick.bitPattern)")
        #expect(sim.rowCopies == 2)
    }

    @Test func aBufferRewrittenUnderEveryCopyIsATornRead() throws {
        let sim = try SimulatedMap(dump: dump())
        let reader = try LiveTelemetryReader(region: sim)
        sim.everyRowCopy = { map in map.writeTick(map.tick(buffer: 1) + 3, buffer: 1) }
        #expect(throws: LiveTelemetryError.tornRead(attempts: 3)) { try reader.latestRow(attempts: 3) }
    }

    @Test func disconnectedAndDamagedMapsAreRefused() throws {
        let sim = try SimulatedMap(dump: dump())
        let reader = try LiveTelemetryReader(region: sim)
        sim.writeInt32(0, at: 4)  // status: not connected
        #expect(throws: LiveTelemetryError.notConnected) { try reader.latestRow() }
        sim.writeInt32(9000, at: 36)  // bufLen changed: a new layout
        #expect(throws: LiveTelemetryError.layoutChanged) { try reader.latestRow() }
        sim.writeInt32(5, at: 32)  // numBuf beyond irsdk_MAX_BUFS
        #expect(throws: LiveTelemetryError.layout(.invalidHeader(field: "numBuf", value: 5))) { try LiveTelemetryReader(region: sim) }
        let cut = LiveMemorySnapshot(data: try dump().data.prefix(1_150_000))  // the third buffer is cut off
        #expect(throws: LiveTelemetryError.self) { try LiveTelemetryReader(region: cut) }
        #expect(throws: LiveTelemetryError.layout(.emptyFile)) { try LiveTelemetryReader(region: LiveMemorySnapshot(data: Data())) }
    }
}

/// A copy of the dump that a test can rewrite like the sim does, between and during reads.
private final class SimulatedMap: LiveMemoryRegion {
    var bytes: [UInt8]
    var duringNextRowCopy: ((SimulatedMap) -> Void)?
    var everyRowCopy: ((SimulatedMap) -> Void)?
    private(set) var rowCopies = 0
    private let rowLength: Int

    init(dump: LiveMemorySnapshot) throws {
        bytes = [UInt8](dump.data)
        rowLength = 8154
    }

    var byteCount: Int { bytes.count }

    func copyBytes(from offset: Int, count: Int) -> [UInt8] {
        let copy = Array(bytes[offset..<(offset + count)])
        if count == rowLength {
            rowCopies += 1
            if let hook = duringNextRowCopy {
                duringNextRowCopy = nil
                hook(self)
            }
            everyRowCopy?(self)
        }
        return copy
    }

    func tick(buffer: Int) -> Int32 {
        Int32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 48 + 16 * buffer, as: Int32.self) })
    }

    func writeTick(_ tick: Int32, buffer: Int) { writeInt32(tick, at: 48 + 16 * buffer) }

    /// Writes a row as the sim does: the row first (its SessionTick channel), then the tick.
    func writeRow(tick: Int32, buffer: Int, sessionTickOffset: Int) {
        let rowStart = Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 52 + 16 * buffer, as: Int32.self) })
        writeInt32(tick + 1438, at: rowStart + sessionTickOffset)
        writeTick(tick, buffer: buffer)
    }

    func writeInt32(_ value: Int32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 4), with: $0) }
    }
}
