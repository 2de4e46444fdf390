import Foundation
import LapSynthesis
import Telemetry
import TestSupport
import Testing
@testable import Coaching

/// The live lap's packed grid holds exactly what plain arrays would, bit for bit, whatever the
/// order of writes and reads, and on a real lap it holds a fraction of their bytes.
@Suite struct LiveGridTests {
    /// A point from 32 random bits per channel: NaNs with payloads, infinities, -0 and
    /// subnormals included, so nothing the codec does may depend on values being ordinary.
    static func randomPoint(_ random: inout SeededGenerator) -> LiveLapRecorder.GridPoint {
        LiveLapRecorder.GridPoint(
            time: Float(bitPattern: UInt32(truncatingIfNeeded: random.next())),
            speed: Float(bitPattern: UInt32(truncatingIfNeeded: random.next())),
            throttle: Float(bitPattern: UInt32(truncatingIfNeeded: random.next())),
            brake: Float(bitPattern: UInt32(truncatingIfNeeded: random.next())),
            gear: Int8(truncatingIfNeeded: random.next()))
    }

    static func bits(_ columns: GridColumns) -> [[UInt32]] {
        [columns.time.map(\.bitPattern), columns.speed.map(\.bitPattern), columns.throttle.map(\.bitPattern),
         columns.brake.map(\.bitPattern), columns.gear.map { UInt32(UInt8(bitPattern: $0)) }]
    }

    @Test func aBlockUnpacksToTheSameBitsAndZerosPackToNothing() {
        var random = SeededGenerator(seed: 7)
        var columns = GridColumns(count: 300)
        #expect(GridBlockCodec.pack(columns, from: 0, count: 300).isEmpty)
        // Random bits, a run of one value, and a smooth ramp: every token kind.
        for index in 0..<100 { columns[index] = Self.randomPoint(&random) }
        for index in 100..<200 { columns[index] = LiveLapRecorder.GridPoint(time: 3, speed: -0.0, throttle: 1, brake: 0, gear: 4) }
        for index in 200..<300 {
            let x = Float(index)
            columns[index] = LiveLapRecorder.GridPoint(time: x / 40, speed: 60 - x / 10, throttle: x / 300, brake: .nan, gear: -1)
        }
        for (start, count) in [(0, 300), (37, 101), (299, 1), (150, 128)] {
            let bytes = GridBlockCodec.pack(columns, from: start, count: count)
            // Unpacked at another offset, between points that must stay as they are.
            var unpacked = GridColumns(count: count + 10)
            unpacked[4] = LiveLapRecorder.GridPoint(time: 9, speed: 9, throttle: 9, brake: 9, gear: 9)
            #expect(GridBlockCodec.unpack(bytes, into: &unpacked, at: 5, count: count))
            var expected = GridColumns(count: count + 10)
            expected[4] = unpacked[4]
            expected.copy(columns, from: start, to: 5, count: count)
            #expect(Self.bits(unpacked) == Self.bits(expected), "points \(start)..<\(start + count)")
        }
        // Too few bytes for the points asked for: reported, not read past.
        let bytes = GridBlockCodec.pack(columns, from: 0, count: 100)
        var short = GridColumns(count: 100)
        #expect(!GridBlockCodec.unpack(Array(bytes.dropLast(3)), into: &short, at: 0, count: 100))
    }

    /// Random writes and reads, forward with the car, with jumps, and behind it, against plain
    /// arrays given the same writes.
    /// Lap lengths whose last block is short (1,000 and 1,281 m) and one of whole blocks.
    @Test(arguments: [(1, 1_000), (2, 1_281), (3, 1_024)])
    func holdsWhatPlainArraysHoldForAnyWriteOrder(seed: UInt64, count: Int) {
        var random = SeededGenerator(seed: seed)
        var grid = LiveGrid(count: count)
        var plain = GridColumns(count: count)
        var position = 0
        for step in 0..<4_000 {
            let roll = random.next() % 100
            let index: Int
            switch roll {
            case 0..<80: index = min(count - 1, position + Int(random.next() % 3))  // forward, as the car drives
            case 80..<90: index = Int(random.next() % UInt64(count))  // a jump anywhere
            default: index = max(0, position - Int(random.next() % 400))  // behind the car, into packed blocks
            }
            position = index
            if random.next() % 4 == 0 {
                let read = grid[index]
                #expect(Self.bits(of: read) == Self.bits(of: plain[index]), "read \(index)")
            } else {
                let point = Self.randomPoint(&random)
                grid[index] = point
                plain[index] = point
            }
            if step % 500 == 499 { #expect(Self.bits(grid.columns()) == Self.bits(plain), "after step \(step)") }
            if step == 2_000 {
                grid.clearAll()
                plain = GridColumns(count: count)
                #expect(Self.bits(grid.columns()) == Self.bits(plain))
            }
        }
        #expect(Self.bits(grid.columns()) == Self.bits(plain))
    }

    static func bits(of point: LiveLapRecorder.GridPoint) -> [UInt32] {
        [point.time.bitPattern, point.speed.bitPattern, point.throttle.bitPattern, point.brake.bitPattern,
         UInt32(UInt8(bitPattern: point.gear))]
    }
}

/// On real laps: the recorder's packed lap is the lap plain arrays record from the same frames,
/// in under half the bytes.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct LiveGridRealLapTests {
    @Test(arguments: [RealLangleyLapTests.sebring, RealLangleyLapTests.earlyLangley])
    func aRealLapIsRecordedBitForBitInUnderHalfThePlainBytes(file: String) throws {
        let session = try RecordedSession(file)
        // Sebring's file holds no whole lap: its longest stretch, 1 km of lap 8, is read.
        let lap = try #require(session.allLaps.max { $0.frames.count < $1.frames.count })
        let count = Int(session.lapLength.rounded(.down))
        let template = ReferenceLap(
            metadata: ReferenceLapMetadata(
                sim: "iracing", track: TrackDescriptor(name: file, configuration: "", length: session.lapLength), car: "c",
                lapTime: 0, source: "test", date: ""),
            time: Array(repeating: 0, count: count), speed: Array(repeating: 0, count: count),
            throttle: Array(repeating: 0, count: count), brake: Array(repeating: 0, count: count), steering: [],
            gear: Array(repeating: 0, count: count))
        var recorder = LiveLapRecorder(template: template, tailLength: 200)
        // The same samples on plain arrays, written as the recorder wrote them before it packed
        // its grid: interpolated between frames up to 30 m apart, the nearest point otherwise.
        var plain = GridColumns(count: count)
        var marked = Array(repeating: false, count: count)
        var last: LiveLapRecorder.Sample?
        for frame in lap.frames {
            let sample = LiveLapRecorder.Sample(
                distance: Double(frame.lapDistance), elapsed: frame.sessionTime - lap.startTime, sessionTime: frame.sessionTime,
                speed: max(0, frame.speed), throttle: min(1, max(0, frame.throttle)), brake: min(1, max(0, frame.brake)),
                gear: frame.gear)
            recorder.record(sample)
            if let last, sample.distance > last.distance, sample.distance - last.distance <= LiveLapRecorder.maximumGap {
                let indexes = LiveLapRecorder.gridIndexes(from: last, to: sample, count: count)
                for index in indexes.map(Array.init) ?? [] {
                    plain[index] = LiveLapRecorder.gridPoint(index, from: last, to: sample)
                    marked[index] = true
                }
            } else if last == nil || sample.distance > last!.distance {
                let index = Int(sample.distance.rounded())
                if index >= 0, index < count, !marked[index] {
                    plain[index] = LiveLapRecorder.GridPoint(
                        time: Float(sample.elapsed), speed: sample.speed, throttle: sample.throttle, brake: sample.brake, gear: sample.gear)
                    marked[index] = true
                }
            } else {
                continue
            }
            last = sample
        }
        let recorded = recorder.current
        #expect(recorded.time.map(\.bitPattern) == plain.time.map(\.bitPattern))
        #expect(recorded.speed.map(\.bitPattern) == plain.speed.map(\.bitPattern))
        #expect(recorded.throttle.map(\.bitPattern) == plain.throttle.map(\.bitPattern))
        #expect(recorded.brake.map(\.bitPattern) == plain.brake.map(\.bitPattern))
        #expect(recorded.gear == plain.gear)
        // Bytes a metre once the car has left every block behind (each block packed), against
        // 17 bytes a metre plain.
        let columns = GridColumns(
            time: recorded.time, speed: recorded.speed, throttle: recorded.throttle, brake: recorded.brake, gear: recorded.gear)
        let packed = stride(from: 0, to: count, by: LiveGrid.blockSize).reduce(0) {
            $0 + GridBlockCodec.pack(columns, from: $1, count: min(LiveGrid.blockSize, count - $1)).count
        }
        let metres = (0..<count).filter { recorder.filled[$0] }.count
        let plainPerMetre = 4 * MemoryLayout<Float>.stride + MemoryLayout<Int8>.stride
        print(String(format: "%@: %d of %d m recorded from %d frames, packed %d B (%.2f B/m; plain %d B/m)",
            file, metres, count, lap.frames.count, packed, Double(packed) / Double(metres), plainPerMetre))
        #expect(metres > 400)
        #expect(packed * 2 < metres * plainPerMetre, "packed, a metre takes under half its plain bytes")
    }
}
