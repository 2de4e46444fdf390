import LapSynthesis
import Synchronization
import TestSupport
import Testing
@testable import Coaching

/// The live grid with a chunk store (the server's lap spool): blocks behind the car go to the
/// store, what is read back is what plain arrays hold whatever the write order, a block the store
/// refuses stays in memory, the store's writes per lap are bounded, and a new lap lets the
/// store go.
@Suite struct LiveGridStoreTests {
    @Test(arguments: [StoreMode.accepting, .refusingEveryThird])
    func holdsWhatPlainArraysHoldWithAStore(mode: StoreMode) {
        let stores = TestChunkStores(mode: mode)
        var random = SeededGenerator(seed: 5)
        let count = 1_281
        var grid = LiveGrid(count: count, chunkStores: stores)
        var plain = GridColumns(count: count)
        var position = 0
        for step in 0..<4_000 {
            // Forward with the car, and now and then behind it (into stored blocks) or anywhere.
            let roll = random.next() % 100
            position = switch roll {
            case 0..<90: min(count - 1, position + Int(random.next() % 3))
            case 90..<95: Int(random.next() % UInt64(count))
            default: max(0, position - Int(random.next() % 400))
            }
            let point = LiveGridTests.randomPoint(&random)
            grid[position] = point
            plain[position] = point
            if step % 500 == 499 {
                #expect(LiveGridTests.bits(grid.columns()) == LiveGridTests.bits(plain), "after step \(step)")
            }
        }
        #expect(LiveGridTests.bits(grid.columns()) == LiveGridTests.bits(plain))
        let appended = stores.appendsAccepted
        #expect(appended > 0)
        // Bounded: at most twice the lap's blocks appended, the rest kept in memory.
        #expect(appended <= 2 * ((count + LiveGrid.blockSize - 1) / LiveGrid.blockSize))
        if mode == .refusingEveryThird { #expect(grid.packedBytesInMemory > 0) }
        #expect(stores.made == 1, "one store for the lap")

        grid.clearAll()
        #expect(grid.storedBlockCount == 0)
        grid[0] = LiveGridTests.randomPoint(&random)
        for index in stride(from: 0, to: count, by: 64) { grid[index] = LiveGridTests.randomPoint(&random) }
        #expect(stores.made == 2, "a new lap, a new store")
    }

    @Test func aForwardLapKeepsOnlyPlacesInMemory() {
        let stores = TestChunkStores(mode: .accepting)
        var random = SeededGenerator(seed: 9)
        var grid = LiveGrid(count: 3_883, chunkStores: stores)
        for index in 0..<3_883 { grid[index] = LiveGridTests.randomPoint(&random) }
        // Every block but the two plain ones is in the store; none of their bytes on the heap.
        #expect(grid.storedBlockCount == 31 - 2)
        #expect(grid.packedBytesInMemory == 0)
    }

    @Test func aBlockThatCannotBeReadBackReadsAsNeverDriven() {
        let stores = TestChunkStores(mode: .unreadable)
        var grid = LiveGrid(count: 1_000, chunkStores: stores)
        for index in 0..<1_000 {
            grid[index] = LiveLapRecorder.GridPoint(time: Float(index) / 60, speed: 60, throttle: 1, brake: 0, gear: 4)
        }
        let columns = grid.columns()
        // Blocks 0...5 went to the store and do not come back; the two plain ones do.
        #expect(columns.speed[0..<768].allSatisfy { $0 == 0 })
        #expect(columns.speed[768..<1_000].allSatisfy { $0 == 60 })
    }
}

enum StoreMode: Sendable, CustomTestStringConvertible {
    case accepting, refusingEveryThird, unreadable
    var testDescription: String { "\(self)" }
}

/// Stores in memory that copy what they are given, as a file would.
final class TestChunkStores: LapChunkStoreFactory {
    let mode: StoreMode
    private let counts = Mutex((made: 0, accepted: 0))

    init(mode: StoreMode) { self.mode = mode }

    var made: Int { counts.withLock { $0.made } }
    var appendsAccepted: Int { counts.withLock { $0.accepted } }

    func makeChunkStore() -> (any LapChunkStore)? {
        counts.withLock { $0.made += 1 }
        return Store(owner: self)
    }

    final class Store: LapChunkStore {
        let owner: TestChunkStores
        private let bytes = Mutex<[UInt8]>([])
        private let appends = Atomic<Int>(0)

        init(owner: TestChunkStores) { self.owner = owner }

        func append(_ chunk: [UInt8]) -> LapChunkLocation? {
            let index = appends.add(1, ordering: .relaxed).oldValue
            if owner.mode == .refusingEveryThird, index % 3 == 2 { return nil }
            owner.counts.withLock { $0.accepted += 1 }
            return bytes.withLock { bytes in
                defer { bytes += chunk }
                return LapChunkLocation(offset: Int64(bytes.count), length: Int32(chunk.count))
            }
        }

        func read(_ location: LapChunkLocation) throws -> [UInt8] {
            if owner.mode == .unreadable { throw UnreadableChunk() }
            return bytes.withLock { Array($0[Int(location.offset)..<(Int(location.offset) + Int(location.length))]) }
        }
    }
}

struct UnreadableChunk: Error {}
