import Coaching
import Foundation
import Telemetry
import Testing

@testable import Storage

/// A live lap is stored as the chunks the coach packed it in (`LapTelemetryCodec+Chunks`): it
/// reads back as exactly the frames the whole-lap layout keeps, with the same channel mask, count
/// and identity; it survives a pending lap's file; and a damaged chunked blob is `corrupt_blob`.
@Suite struct ChunkedLapTelemetryTests {
    /// The laps of `LapChunkPackingTests`' session (every channel, NaN runs, pit road, off track).
    static func completedLaps(chunkFrames: Int?) -> [CompletedLap] {
        let packer = chunkFrames.map { LapTelemetryChunkPacker(chunkFrames: $0) }
        return LapChunkPackingTests.laps(packer: packer).map { record in
            CompletedLap(
                lapNumber: record.lapNumber, lapTime: record.lapTime, isValid: record.isValid,
                invalidReason: record.invalidReason?.rawValue, deltaToReference: nil, lapFrames: record.lapFrames,
                corners: [], brakingZones: [])
        }
    }

    /// Against what the store kept before: the packed lap unpacked and encoded whole (which
    /// `LapChunkPackingTests` holds to the bytes of the lap's plain frames).
    @Test(arguments: [1, 7, 60, 120])
    func aPackedLapIsStoredAsItsChunksAndReadsBackAsTheWholeLap(chunkFrames: Int) throws {
        let packed = Self.completedLaps(chunkFrames: chunkFrames)
        try #require(packed.count == 4)
        for packedLap in packed {
            guard case .packed = packedLap.lapFrames else {
                Issue.record("lap \(packedLap.lapNumber) left the tracker unpacked")
                continue
            }
            var unpackedLap = packedLap
            unpackedLap.lapFrames = .plain(packedLap.lapFrames.unpacked())
            let expected = try PreparedLap(unpackedLap)
            let prepared = try PreparedLap(packedLap)
            #expect(expected.codec == LapTelemetryCodec.name)
            #expect(prepared.codec == LapTelemetryCodec.chunkedName)
            #expect(prepared.frameCount == expected.frameCount)
            #expect(prepared.channelMask == expected.channelMask)
            #expect(prepared.startTime.bitPattern == expected.startTime.bitPattern)
            #expect(try LapTelemetryCodec.declaredFrameCount(prepared.telemetry, codec: prepared.codec) == expected.frameCount)
            // The very frames the whole-lap layout keeps (compared as the codec keeps them, NaN included).
            let decoded = try LapTelemetryCodec.decode(prepared.telemetry, codec: prepared.codec)
            #expect(decoded.count == expected.frameCount)
            #expect(LapTelemetryCodec.encode(decoded) == expected.telemetry, "lap \(packedLap.lapNumber)")
        }
    }

    @Test func aStoredChunkedLapReadsBackThroughTheRepositoryAndAPendingFile() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Chunks")
        let lap = try #require(Self.completedLaps(chunkFrames: 60).dropFirst().first)
        let expected = try LapTelemetryCodec.decode(try PreparedLap(lap).telemetry, codec: LapTelemetryCodec.chunkedName)

        let lapID = try await LapWriter(database: fixture.database).store(lap, sessionID: session.id, driverID: driver.id)
        let stored = try #require(try await fixture.laps.storedTelemetry(lapID: lapID, driverID: driver.id))
        #expect(stored.codec == LapTelemetryCodec.chunkedName)
        #expect(try stored.frameCount() == lap.lapFrames.count)
        let frames = try #require(try await fixture.laps.telemetry(lapID: lapID, driverID: driver.id))
        #expect(LapTelemetryCodec.encode(frames) == LapTelemetryCodec.encode(expected))

        // A pending lap's file keeps the chunked blob as it is and says which codec it is.
        let file = try PendingLapFile.encode(try PreparedLap(lap), sessionID: session.id, driverID: driver.id)
        let reread = try PendingLapFile.decode(file).prepared
        #expect(reread.codec == LapTelemetryCodec.chunkedName)
        #expect(reread.telemetry == (try PreparedLap(lap)).telemetry)
    }

    /// A lap packed by a packer other than the storage codec's is unpacked and stored whole.
    @Test func aLapPackedByAnotherPackerIsStoredWhole() throws {
        let frames = SyntheticLap.frames(count: 50)
        let packed = PackedLapFrames(packer: PlainPacker(), chunks: [[0], [1]], tail: Array(frames[40...]))
        let lap = CompletedLap(
            lapNumber: 1, lapTime: nil, isValid: false, invalidReason: "partial", deltaToReference: nil,
            lapFrames: .packed(packed), corners: [], brakingZones: [])
        let prepared = try PreparedLap(lap)
        #expect(prepared.codec == LapTelemetryCodec.name)
        #expect(prepared.frameCount == 2 * 20 + 10)
    }

    // MARK: - Damaged blobs

    static let blob: Data = {
        let lap = completedLaps(chunkFrames: 60)[1]
        return (try? PreparedLap(lap).telemetry) ?? Data()
    }()

    func expectCorrupt(_ data: Data, _ comment: Comment) {
        do {
            _ = try LapTelemetryCodec.decode(data, codec: LapTelemetryCodec.chunkedName)
            Issue.record("decoded a damaged blob: \(comment)")
        } catch {
            guard case .corruptBlob(let message) = error else {
                Issue.record("wrong error \(error) for \(comment)")
                return
            }
            #expect(!message.isEmpty)
        }
    }

    @Test func truncationsAndTrailingBytesAreRejected() throws {
        try #require(Self.blob.count > 10_000)
        for length in stride(from: 0, to: Self.blob.count, by: 97) {
            expectCorrupt(Self.blob.prefix(length), "truncated to \(length) bytes")
        }
        expectCorrupt(Self.blob + Data([0, 0, 0, 0]), "trailing bytes")
    }

    @Test func aHeaderAtOddsWithItsChunksIsRejected() throws {
        let header = BlobEnvelope.headerLength
        // The frame count one more than the chunks hold.
        var count = Self.blob
        count[count.startIndex + 10] &+= 1
        expectCorrupt(count, "frame count off by one")
        // One chunk more than the payload holds.
        var chunks = Self.blob
        chunks[chunks.startIndex + header] &+= 1
        expectCorrupt(chunks, "chunk count off by one")
        // A lap mask without a channel its chunks store.
        let mask = try BlobEnvelope.declaredHeader([UInt8](Self.blob), as: LapTelemetryCodec.chunkedKind).flags
        let optional = ChannelMask(rawValue: mask).subtracting(StoredChannel.alwaysStored)
        let dropped = try #require(optional.rawValue.nonzeroBitCount > 0 ? optional.rawValue & ~(optional.rawValue - 1) : nil)
        var narrower = Self.blob
        narrower.replaceSubrange((narrower.startIndex + 6)..<(narrower.startIndex + 10), with: withUnsafeBytes(of: (mask & ~dropped).littleEndian) { Data($0) })
        expectCorrupt(narrower, "mask narrower than a chunk's")
        // The whole-lap codec's name on a chunked blob, and the reverse.
        #expect(throws: StorageError.self) { try LapTelemetryCodec.decode(Self.blob, codec: LapTelemetryCodec.name) }
        #expect(throws: StorageError.self) { try LapTelemetryCodec.decode(Self.blob, codec: "tbl9") }
    }

    @Test func sealingRefusesChunksThatAreNotLapTelemetry() {
        #expect(throws: StorageError.self) { try LapTelemetryCodec.sealChunks([]) }
        #expect(throws: StorageError.self) { try LapTelemetryCodec.sealChunks([Array("not a blob at all, not at all".utf8)]) }
    }
}

/// Packs nothing: its chunks are 20 placeholder frames each (for a lap the store cannot keep as chunks).
private final class PlainPacker: LapFramePacker {
    let chunkFrames = 20
    func pack(_ frames: [TelemetryFrame]) -> [UInt8] { [0] }
    func unpack(_ chunk: [UInt8]) throws -> [TelemetryFrame] { SyntheticLap.frames(count: 20) }
}
