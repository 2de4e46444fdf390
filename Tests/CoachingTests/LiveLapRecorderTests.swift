import Foundation
import Testing
import Telemetry
@testable import Coaching

/// The live lap the corner coach records holds what corners and braking zones read, and no
/// steering: 4 bytes a metre per driver that nothing read.
@Suite struct LiveLapRecorderTests {
    private let template: ReferenceLap = {
        let n = 100
        let meta = ReferenceLapMetadata(
            sim: "test", track: TrackDescriptor(name: "small", configuration: "", length: Double(n)), car: "c",
            lapTime: 10, source: "hand", date: "2026-01-01")
        return ReferenceLap(
            metadata: meta, time: (0..<n).map { Float($0) / 10 }, speed: Array(repeating: 30, count: n),
            throttle: Array(repeating: 1, count: n), brake: Array(repeating: 0, count: n),
            steering: Array(repeating: 0.1, count: n), gear: Array(repeating: 3, count: n))
    }()

    @Test func recordsTheReadChannelsAndKeepsNoSteering() {
        var recorder = LiveLapRecorder(template: template, tailLength: 20)
        #expect(recorder.current.steering.isEmpty && recorder.current.count == 100)
        recorder.record(.init(distance: 10, elapsed: 1, sessionTime: 101, speed: 20, throttle: 1, brake: 0, gear: 3))
        recorder.record(.init(distance: 14, elapsed: 1.4, sessionTime: 101.4, speed: 24, throttle: 0.5, brake: 0.5, gear: 4))
        #expect(recorder.isRecorded(from: 10, to: 14) && !recorder.isRecorded(from: 9, to: 10))
        #expect(recorder.current.speed[12] == 22 && recorder.current.throttle[12] == 0.75 && recorder.current.brake[12] == 0.25)
        #expect(abs(recorder.current.time[12] - 1.2) < 1e-6 && recorder.current.gear[12] == 4 && recorder.current.gear[11] == 3)
        recorder.startNewLap()
        #expect(recorder.current.steering.isEmpty && !recorder.isRecorded(from: 12, to: 12))
    }

    /// A new lap keeps the finished lap's last metres, read out of its packed blocks, and its
    /// lap time; the new lap starts blank.
    @Test func aNewLapKeepsTheFinishedLapsTailFromItsPackedBlocks() throws {
        let n = 1_000
        let meta = ReferenceLapMetadata(
            sim: "test", track: TrackDescriptor(name: "long", configuration: "", length: Double(n)), car: "c",
            lapTime: 20, source: "hand", date: "2026-01-01")
        let zeros = [Float](repeating: 0, count: n)
        let template = ReferenceLap(
            metadata: meta, time: zeros, speed: zeros, throttle: zeros, brake: zeros, steering: [],
            gear: Array(repeating: 0, count: n))
        var recorder = LiveLapRecorder(template: template, tailLength: 300)
        // 60 Hz at 45 m/s, with speed, pedals and gear changing along the lap.
        for distance in stride(from: 0.0, through: 998.4, by: 0.75) {
            let x = Float(distance)
            recorder.record(.init(
                distance: distance, elapsed: distance / 45, sessionTime: 100 + distance / 45, speed: 40 + 8 * sin(x / 40),
                throttle: max(0, sin(x / 90)), brake: max(0, -sin(x / 90)), gear: Int8(2 + Int(distance) / 250)))
        }
        // The last frame, 998.25 m, is within 3 m of the line: the lap's end is closed from it.
        recorder.closeTail()
        let finished = recorder.current
        #expect(abs(finished.metadata.lapTime - 998.25 / 45) < 1e-9 && recorder.isRecorded(from: 0, to: n - 1))
        recorder.startNewLap()
        let tail = try #require(recorder.previous)
        #expect(tail.start == 700 && tail.lapTime == finished.metadata.lapTime)
        for offset in 0..<300 {
            let index = 700 + offset, point = tail.points[offset]
            #expect(tail.filled[offset] && point.time.bitPattern == finished.time[index].bitPattern
                && point.speed.bitPattern == finished.speed[index].bitPattern
                && point.throttle.bitPattern == finished.throttle[index].bitPattern
                && point.brake.bitPattern == finished.brake[index].bitPattern && point.gear == finished.gear[index],
                "tail point \(index)")
        }
        let blank = recorder.current
        #expect(blank.metadata.lapTime == 0 && !recorder.isRecorded(from: 0, to: 0))
        #expect(blank.time.allSatisfy { $0 == 0 } && blank.speed.allSatisfy { $0 == 0 } && blank.gear.allSatisfy { $0 == 0 })
    }
}
