import ArgumentParser
import Coaching
import LapSynthesis
import Logging
import Foundation
import FrameRing
import Storage
import Telemetry

/// Server-side time per batch on the live path, on one thread: binary decode, validation, the
/// driver's ring (push and drain), and the coach (laps, delta, corners, cues). Message encoding
/// and the socket write are not included; they are measured end to end by the load tool.
struct CoachingBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coaching",
        abstract: "Time per batch and frames per second of the coaching engine on one core.")

    @Option(help: "Frames per batch (6 = 100 ms at 60 Hz).")
    var batchSize = 6

    @Option(help: "Laps to stream per pass (synthesised, with injected mistakes so cues fire).")
    var laps = 10

    @Option(help: "Passes over the laps, each with a new driver coach (the first is warm-up).")
    var passes = 6

    @Flag(help: "Pack the lap in progress with the storage codec, as the server does.")
    var packedLaps = false

    @Option(help: "With --packed-laps: spool the lap in progress (frames and grid) to a spool file in this directory, as the server does with its data directory (60-frame chunks).")
    var spoolDirectory: String?

    mutating func run() throws {
        let track = SyntheticTrack.testCircuit
        let car = CarProfile.gt4
        let mistakes: [InjectedMistake] = (2...laps).flatMap { lap in
            [InjectedMistake.brakeEarly(corner: 1, lap: lap, metres: 15), .slowApex(corner: 3, lap: lap, kmh: 6)]
        }
        let session = LapSynthesizer.frames(
            track: track, car: car, laps: laps, mistakes: mistakes,
            noise: SyntheticNoise(seed: 7, pedal: 0.01, speed: 0.05))
        let descriptor = SessionDescriptor(
            sim: "synthetic", track: TrackDescriptor(name: track.name, configuration: "", length: track.length),
            car: car.name, sessionType: "practice")
        let map = TrackSegmenter.trackMap(for: session.reference, track: descriptor.track)
        let choice = ReferenceChoice(reference: session.reference, trackMap: map, reason: .shippedForTrackAndCar)

        let batches: [[UInt8]] = stride(from: 0, to: session.frames.count, by: batchSize).enumerated().map { index, start in
            let frames = Array(session.frames[start..<min(start + batchSize, session.frames.count)])
            return BinaryFrameBatchCodec.encode(FrameBatch(sequence: UInt64(index + 1), frames: frames))
        }
        print("coaching benchmark: \(session.frames.count) frames, \(batches.count) batches of \(batchSize), "
            + "\(laps) laps of \(Int(track.length)) m, \(passes) passes (first is warm-up)")

        let spool = try spoolDirectory.map { directory in
            try LapChunkSpool(directory: URL(fileURLWithPath: directory), logger: Logger(label: "coaching-benchmark"))
        }
        if let spool { print("spooling laps in progress to \(spool.directory.path)") }
        var histogram = LatencyHistogram()
        var events: [CoachingEvent] = []
        events.reserveCapacity(64)
        var cues = 0
        var framesTimed = 0
        var busyNanoseconds: UInt64 = 0
        for pass in 0..<passes {
            let coach = DriverCoach(
                session: descriptor, reference: choice, language: .english,
                configuration: DriverCoachConfiguration(framePacker: packedLaps ? LapTelemetryChunkPacker(spool: spool) : nil))
            let ring = SPSCRing<LiveFrame>(capacity: 1024)
            for bytes in batches {
                let start = DispatchTime.now().uptimeNanoseconds
                let batch = try bytes.withUnsafeBytes { try BinaryFrameBatchCodec.decode($0) }
                try FrameValidator.validate(batch, trackLength: descriptor.track.length)
                for frame in batch.frames {
                    _ = ring.push(LiveFrame(frame: frame, batchSequence: batch.sequence))
                }
                events.removeAll(keepingCapacity: true)
                ring.drain { coach.process($0, into: &events) }
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                guard pass > 0 else { continue }
                histogram.record(nanoseconds: elapsed)
                busyNanoseconds += elapsed
                framesTimed += batch.frames.count
                cues += events.reduce(0) { if case .cue = $1 { $0 + 1 } else { $0 } }
            }
        }
        let framesPerSecond = Double(framesTimed) / (Double(busyNanoseconds) / 1e9)
        print("per batch (\(histogram.count) batches): \(histogram.summary)")
        print(String(format: "throughput: %.0f frames/s on one thread (%.1f µs per frame); cues emitted: %d",
            framesPerSecond, 1e6 / framesPerSecond, cues))
        print(String(format: "budget p99 < 1000 µs per %d-frame batch: %@", batchSize,
            histogram.microseconds(atPercentile: 99) < 1000 ? "met" : "NOT met"))
    }
}
