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
}
