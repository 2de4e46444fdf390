import ArgumentParser
import LoadTesting
import Telemetry

/// How each driver talks: batch size, pace, format, voice, seed.
struct PacingOptions: ParsableArguments {
    @Option(help: "Frames per batch, 1...60 (6 = every 100 ms at 60 Hz).")
    var batch = 6

    @Flag(help: "Send as fast as the acknowledgements allow instead of in real time.")
    var asFastAsPossible = false

    @Option(help: "With --as-fast-as-possible: unacknowledged batches allowed in flight per driver.")
    var window = 64

    @Option(help: "Frame format: binary or json.")
    var format: Hello.FrameCodec = .binary

    @Option(help: "Ask for voice clips: on or off.")
    var voice: OnOff = .off

    @Option(help: "Cue language: en or tr.")
    var language = "en"

    @Option(help: "Seed for start offsets, mistakes and noise (same seed, same frames).")
    var seed: UInt64 = 1

    enum OnOff: String, ExpressibleByArgument { case on, off }

    func apply(to options: inout LoadOptions) {
        options.batchSize = batch
        options.pacing = asFastAsPossible ? .asFastAsPossible(window: window) : .realTime
        options.format = format
        options.voice = voice == .on
        options.language = language
        options.seed = seed
    }
}

extension Hello.FrameCodec: ExpressibleByArgument {}
extension LoadOptions.Target: ExpressibleByArgument {}
