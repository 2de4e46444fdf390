import Coaching
import Foundation
import Synchronization
import WireClient

/// One driver for a person: replays laps once, as a live client would, and says what the
/// server answers as it happens (cues with their corner and batch, laps, errors); voice clips
/// are saved as `.opus` files.
public struct StreamReplay: Sendable {
    public let options: LoadOptions
    public let laps: DriverLaps
    /// Where clips are saved (created when missing); nil to not save them.
    public let clipsDirectory: URL?

    public init(options: LoadOptions, laps: DriverLaps, clipsDirectory: URL?) {
        self.options = options
        self.laps = laps
        self.clipsDirectory = clipsDirectory
    }

    /// Streams every frame once, then waits for the last replies and closes with 1000.
    public func run(say: @escaping @Sendable (String) -> Void) async throws -> LoadReport {
        if let clipsDirectory {
            do { try FileManager.default.createDirectory(at: clipsDirectory, withIntermediateDirectories: true) } catch {
                throw LoadError(.invalidOption, "cannot create \(clipsDirectory.path): \(error)")
            }
        }
        let clips = ClipSaver(directory: clipsDirectory)
        return try await replay { event in say(Self.describe(event, clips: clips)) }
    }

    /// The same replay for a program rather than a person: `onEvent` gets every event as it
    /// happens (clips are not saved).
    public func replay(onEvent: @escaping @Sendable (DriverEvent) -> Void) async throws -> LoadReport {
        var options = self.options
        options.drivers = 1
        let replayTime = Double(laps.replayRange.count) / LoadOptions.frameRate
        options.duration = .seconds(replayTime + 60)
        try options.validate()
        let recorder = LoadRecorder()
        let frames = FrameLoop(laps: laps, startOffset: laps.replayRange.lowerBound, timeBase: 0, noiseSeed: options.seed, loops: false)
        let driver = Driver(index: 0, token: options.tokens[0], options: options, frames: frames, recorder: recorder, onEvent: onEvent)
        let start = ContinuousClock.now
        try await driver.run(until: start + options.duration)
        return LoadReport(
            options: options, totals: recorder.totals, afterRamp: LoadRecorder.Totals(), elapsed: .now - start,
            measured: .now - start, memory: nil)
    }

    static func describe(_ event: DriverEvent, clips: ClipSaver) -> String {
        switch event {
        case .welcome(let session, let resumed):
            return "connected: session \(session)\(resumed ? " (resumed)" : "")"
        case .cue(let text, let corner, let kind, let sequence, let latency):
            let where_ = corner.map { "corner \($0)" } ?? "lap"
            let ms = latency.map { String(format: "%.1f ms", $0 / .milliseconds(1)) } ?? "-"
            return "cue  [\(kind), \(where_), batch \(sequence), \(ms)]  \(text)"
        case .lap(let number, let time):
            return "lap  \(number) complete" + (time.map { String(format: ": %.3f s", $0) } ?? " (partial)")
        case .error(let code, let message):
            return "error \(code): \(message)"
        case .clip(let clip):
            let about = String(format: "%.2f s", clip.header.duration)
            guard let path = clips.save(clip) else { return "clip  [\(about)] \(clip.opus.count) bytes, not saved" }
            return "clip  [\(about)] \(path)"
        }
    }
}

/// Numbers and writes clips in arrival order: clip-0001.opus, clip-0002.opus, ...
final class ClipSaver: Sendable {
    let directory: URL?
    private let count = Mutex(0)

    init(directory: URL?) { self.directory = directory }

    /// The saved file's path; nil without a directory or when the write fails.
    func save(_ clip: ClipMessage) -> String? {
        guard let directory else { return nil }
        let number = count.withLock { count in
            count += 1
            return count
        }
        let url = directory.appendingPathComponent(String(format: "clip-%04d.opus", number))
        do { try Data(clip.opus).write(to: url) } catch { return nil }
        return url.path
    }
}
