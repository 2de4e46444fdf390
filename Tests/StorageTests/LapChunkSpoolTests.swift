import Coaching
import Foundation
import Logging
import Synchronization
import Telemetry
import TestSupport
import Testing

@testable import Storage

/// The lap in progress spooled to disk (docs/performance.md, "The lap in progress spooled to
/// disk"): its packed chunks go to an unnamed file, the laps cut from a session are the laps
/// kept in memory, the heap holds only the tail and the chunks' places, a chunk the store cannot
/// take stays in memory in its place, and a chunk that cannot be read back marks the lap
/// `dataGap` instead of failing.
@Suite struct LapChunkSpoolTests {
    static let quietLogger: Logger = {
        var logger = Logger(label: "spool-test")
        logger.logLevel = .critical
        return logger
    }()

    static func withSpool<T>(_ body: (LapChunkSpool, URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(try LapChunkSpool(directory: directory, logger: quietLogger), directory)
    }

    @Test func spooledLapsAreTheLapsKeptInMemoryAndTheHeapHoldsOnlyTheTail() throws {
        try Self.withSpool { spool, _ throws in
            let inMemory = LapChunkPackingTests.laps(packer: LapTelemetryChunkPacker())
            let packer = LapTelemetryChunkPacker(chunkFrames: LapTelemetryChunkPacker.defaultChunkFrames, spool: spool)
            let spooled = LapChunkPackingTests.laps(packer: packer)
            try #require(spooled.count == inMemory.count)
            for (kept, spilled) in zip(inMemory, spooled) {
                #expect(spilled.frames == kept.frames, "lap \(kept.lapNumber)")
                #expect(spilled.invalidReason == kept.invalidReason)
                #expect(spilled.lapTime == kept.lapTime)
            }
            #expect(spool.failureCount == 0)

            // 10 minutes of one lap: the heap holds the 120-frame tail and 16 bytes a chunk.
            var tracker = LapTracker(trackLength: 100_000, framePacker: packer)
            for frame in LapChunkSpoolTests.longLap(frames: 36_000) { _ = tracker.ingest(frame) }
            #expect(tracker.lapInProgressChunksStored == 36_000 / 120)
            let tail = LapTelemetryChunkPacker.defaultChunkFrames * MemoryLayout<TelemetryFrame>.stride
            #expect(tracker.lapInProgressBytes <= tail + 300 * 2 * 16, "\(tracker.lapInProgressBytes) bytes")
        }
    }

    @Test func aChunkTheStoreRefusesStaysInMemoryInItsPlace() throws {
        let frames = LapChunkSpoolTests.longLap(frames: 2_990)
        let refusing = StorePacker { FlakyStore(refuse: { $0 % 3 == 1 }) }
        var tracker = LapTracker(trackLength: 100_000, framePacker: refusing)
        var inMemory = LapTracker(trackLength: 100_000, framePacker: LapTelemetryChunkPacker())
        for frame in frames {
            _ = tracker.ingest(frame)
            _ = inMemory.ingest(frame)
        }
        // 24 full chunks, every third refused: 16 in the store, 8 on the heap, in lap order.
        #expect(tracker.lapInProgressChunksStored == 16)
        let lapRecord = tracker.finish()
        let lap = try #require(lapRecord)
        let referenceRecord = inMemory.finish()
        let reference = try #require(referenceRecord)
        #expect(lap.frames.count == 2_990)
        #expect(lap.frames == reference.frames)
        #expect(lap.invalidReason == reference.invalidReason)
    }

    @Test func aChunkThatCannotBeReadBackMarksTheLapDataGap() throws {
        let packer = StorePacker { FlakyStore(unreadable: [LapChunkLocation(offset: 2, length: 0)]) }
        // Laps of 600 m at 0.5 m a frame, from the line: lap 1 is 1,200 frames, 10 chunks.
        var tracker = LapTracker(trackLength: 600, framePacker: packer)
        var events: [LapTrackerEvent] = []
        for (index, original) in LapChunkSpoolTests.longLap(frames: 1_300).enumerated() {
            var frame = original
            frame.lapDistance = Float(index % 1_200) / 2
            frame.lapNumber = Int32(1 + index / 1_200)
            events += tracker.ingest(frame)
        }
        let completed = events.compactMap { event -> LapRecord? in
            if case .lapCompleted(let lap) = event { lap } else { nil }
        }
        let lap = try #require(completed.first)
        #expect(lap.lapTime != nil, "timed from the line")
        #expect(lap.frames.count == 1_200 - 120, "the unreadable chunk's frames are missing")
        #expect(lap.invalidReason == .dataGap)
    }

    @Test func everyLapSharesOneUnnamedFileAndGivesItsExtentsBack() throws {
        try Self.withSpool { spool, directory throws in
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no name")
            var stores = (0..<20).map { _ in spool.makeStore() }
            #expect(spool.extentsInUse == 0, "a store takes extents only when written")
            // Chunks of every store interleaved, up to 1,500 bytes, read back from all.
            var written: [(store: Int, chunk: [UInt8], location: LapChunkLocation)] = []
            for index in 0..<400 {
                let chunk = (0..<(index * 37 % 1_500 + 1)).map { UInt8(truncatingIfNeeded: $0 &* index) }
                let location = try #require(stores[index % 20].append(chunk))
                written.append((index % 20, chunk, location))
            }
            for (store, chunk, location) in written {
                #expect(try stores[store].read(location) == chunk)
            }
            let inUse = spool.extentsInUse
            let bytes = spool.fileBytes
            #expect(inUse >= 20 && bytes == inUse * LapChunkSpool.extentBytes)
            // The laps end: every extent comes back, and new laps reuse them (the file does not grow).
            stores.removeAll()
            #expect(spool.extentsInUse == 0)
            stores = (0..<20).map { _ in spool.makeStore() }
            for (index, store) in stores.enumerated() { _ = store.append(Array(repeating: UInt8(index), count: 1_000)) }
            #expect(spool.fileBytes == bytes)
            #expect(spool.failureCount == 0)
        }
    }

    @Test func aStoreReadsOnlyWhatItWrote() throws {
        try Self.withSpool { spool, _ throws in
            let store = spool.makeStore(), other = spool.makeStore()
            let location = try #require(store.append([1, 2, 3]))
            let others = try #require(other.append([4, 5, 6]))
            #expect(throws: LapChunkSpoolError.self) { try store.read(LapChunkLocation(offset: location.offset, length: 4)) }
            #expect(throws: LapChunkSpoolError.self) { try store.read(LapChunkLocation(offset: -1, length: 1)) }
            #expect(throws: LapChunkSpoolError.self) { try store.read(others) }
            #expect(try store.read(location) == [1, 2, 3])
            #expect(try other.read(others) == [4, 5, 6])
            // Larger than an extent: refused (the lap keeps it in memory), not split.
            #expect(store.append(Array(repeating: 1, count: LapChunkSpool.extentBytes + 1)) == nil)
        }
    }

    @Test func pastItsShareALapKeepsItsChunksInMemory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // 16 MiB: a lap's share is 1/512 of it, two extents.
        let spool = try LapChunkSpool(directory: directory, maximumBytes: 16 << 20, logger: Self.quietLogger)
        #expect(spool.maximumBytesPerLap == 2 * LapChunkSpool.extentBytes)
        let packer = LapTelemetryChunkPacker(chunkFrames: 60, spool: spool)
        var tracker = LapTracker(trackLength: 100_000, framePacker: packer)
        var inMemory = LapTracker(trackLength: 100_000, framePacker: LapTelemetryChunkPacker(chunkFrames: 60))
        for frame in Self.longLap(frames: 12_000) {
            _ = tracker.ingest(frame)
            _ = inMemory.ingest(frame)
        }
        #expect(spool.fileBytes == 2 * LapChunkSpool.extentBytes, "the lap took its share, no more")
        #expect(tracker.lapInProgressChunksStored > 0 && tracker.lapInProgressChunksStored < 200)
        #expect(tracker.lapInProgressBytes > 10 * 1_024, "the rest is on the heap")
        let spooled = tracker.finish(), kept = inMemory.finish()
        #expect(spooled?.frames == kept?.frames)
        #expect(spooled?.frames.count == 12_000)
        #expect(spool.extentsInUse == 0, "the finished lap gave its extents back")
    }

    @Test func atItsLimitTheSpoolRefusesAndLapsStayInMemory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two extents in all (one a lap): two laps take them, the third gets none.
        let spool = try LapChunkSpool(directory: directory, maximumBytes: 2 * LapChunkSpool.extentBytes, logger: Self.quietLogger)
        let packer = LapTelemetryChunkPacker(chunkFrames: 60, spool: spool)
        var laps = (0..<3).map { _ in LapTracker(trackLength: 100_000, framePacker: packer) }
        var inMemory = LapTracker(trackLength: 100_000, framePacker: LapTelemetryChunkPacker(chunkFrames: 60))
        for frame in Self.longLap(frames: 1_200) {
            for index in laps.indices { _ = laps[index].ingest(frame) }
            _ = inMemory.ingest(frame)
        }
        #expect(spool.fileBytes == 2 * LapChunkSpool.extentBytes)
        #expect(laps[0].lapInProgressChunksStored > 0 && laps[1].lapInProgressChunksStored > 0)
        #expect(laps[2].lapInProgressChunksStored == 0, "no extent left for the third lap")
        #expect(spool.failureCount > 0)
        let kept = inMemory.finish()
        for index in laps.indices {
            let lap = laps[index].finish()
            #expect(lap?.frames == kept?.frames, "lap \(index)")
        }
        #expect(spool.extentsInUse == 0)
    }

    @Test func afterAPeakTheFileShrinksToTheLapsStillInProgress() throws {
        try Self.withSpool { spool, _ throws in
            let extent = LapChunkSpool.extentBytes
            // A peak: 200 laps in progress, one extent each, handed out lowest first.
            var stores = (0..<200).map { _ in spool.makeStore() }
            var locations: [LapChunkLocation] = []
            for (index, store) in stores.enumerated() {
                locations.append(try #require(store.append(Array(repeating: UInt8(index), count: 900))))
            }
            #expect(locations.map(\.offset) == (0..<200).map { Int64($0 * extent) })
            #expect(spool.fileBytes == 200 * extent)
            #expect(spool.lengthOnDisk() == 199 * extent + 900, "written up to the last chunk")
            // The later half ends: the free tail is half the file, so it is cut off.
            stores.removeLast(100)
            #expect(spool.fileBytes == 100 * extent)
            spool.waitForCut()
            #expect(spool.lengthOnDisk() == 100 * extent, "the file itself is shorter")
            for (index, store) in stores.enumerated() {
                #expect(try store.read(locations[index]) == Array(repeating: UInt8(index), count: 900), "lap \(index) intact")
            }
            // Laps end inside the file: the lowest free extent is taken next, not the last freed.
            stores[10] = spool.makeStore()
            stores[30] = spool.makeStore()
            let next = spool.makeStore()
            #expect(try #require(next.append([1])).offset == Int64(10 * extent))
            // 55 free extents at the end: more than half the file, but under 1 MiB (64): no cut.
            stores.removeLast(55)
            spool.waitForCut()
            #expect(spool.fileBytes == 100 * extent && spool.lengthOnDisk() == 100 * extent)
            // The rest end, lowest first: when the last of them goes, everything past extent 10
            // (held by `next`) is free and cut off.
            while !stores.isEmpty { stores.removeFirst() }
            spool.waitForCut()
            #expect(spool.extentsInUse == 1)
            #expect(spool.fileBytes == 11 * extent && spool.lengthOnDisk() == 11 * extent)
            #expect(spool.failureCount == 0)
            _ = next
        }
    }

    @Test func leftoversAreSweptAndADirectoryThatCannotBeMadeIsAnError() throws {
        try Self.withSpool { _, directory throws in
            // A crash between the file's creation and its unlinking leaves `lap-*`; nothing else is touched.
            let leftover = directory.appendingPathComponent("lap-ABC123")
            let other = directory.appendingPathComponent("keep.txt")
            _ = FileManager.default.createFile(atPath: leftover.path, contents: Data([1]))
            _ = FileManager.default.createFile(atPath: other.path, contents: Data([2]))
            _ = try LapChunkSpool(directory: directory, logger: Self.quietLogger)
            #expect(!FileManager.default.fileExists(atPath: leftover.path))
            #expect(FileManager.default.fileExists(atPath: other.path))
            // Under a regular file: no directory, a clear error (the server then keeps laps in memory).
            #expect(throws: StorageError.self) {
                try LapChunkSpool(directory: other.appendingPathComponent("live-laps"), logger: Self.quietLogger)
            }
        }
    }

    /// One lap on a 100 km track at 30 m/s: every frame stays in the lap in progress.
    static func longLap(frames count: Int) -> [TelemetryFrame] {
        BenchmarkLap.frames(count: count, startTime: 10).enumerated().map { index, original in
            var frame = original
            frame.lapDistance = Float(index) / 2
            frame.speed = 30
            frame.onPitRoad = false
            return frame
        }
    }

}

/// The storage codec's packer with a store of the test's choosing.
private final class StorePacker: LapFramePacker {
    let codec = LapTelemetryChunkPacker()
    let makeStore: @Sendable () -> any LapChunkStore
    init(_ makeStore: @escaping @Sendable () -> any LapChunkStore) { self.makeStore = makeStore }
    var chunkFrames: Int { codec.chunkFrames }
    func pack(_ frames: [TelemetryFrame]) -> [UInt8] { codec.pack(frames) }
    func unpack(_ chunk: [UInt8]) throws -> [TelemetryFrame] { try codec.unpack(chunk) }
    func makeChunkStore() -> (any LapChunkStore)? { makeStore() }
}

/// A store in memory that refuses the appends `refuse` picks (by their index) and cannot read
/// the chunks at `unreadable` offsets (its offsets count the chunks it accepted).
private final class FlakyStore: LapChunkStore {
    private let chunks = Mutex<[[UInt8]]>([])
    private let appends = Atomic<Int>(0)
    let refuse: @Sendable (Int) -> Bool
    let unreadable: Set<Int64>

    init(refuse: @escaping @Sendable (Int) -> Bool = { _ in false }, unreadable: [LapChunkLocation] = []) {
        self.refuse = refuse
        self.unreadable = Set(unreadable.map(\.offset))
    }

    func append(_ chunk: [UInt8]) -> LapChunkLocation? {
        let index = appends.add(1, ordering: .relaxed).oldValue
        guard !refuse(index) else { return nil }
        return chunks.withLock { chunks in
            chunks.append(chunk)
            return LapChunkLocation(offset: Int64(chunks.count - 1), length: Int32(chunk.count))
        }
    }

    func read(_ location: LapChunkLocation) throws -> [UInt8] {
        guard !unreadable.contains(location.offset) else { throw LapChunkSpoolError.readFailed(EIO) }
        return chunks.withLock { $0[Int(location.offset)] }
    }
}
