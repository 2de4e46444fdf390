import Foundation
import Telemetry

/// Frames from any tool that already reads a sim, one JSON object per line on standard input or
/// in a file (`JSONLineDecoder` has the shapes). The session comes from the command's flags,
/// from a `session` line, or both (a line replaces it, e.g. when the driver changes car).
///
/// Pacing: standard input is sent as it arrives (the producer runs at the sim's pace); a file
/// is replayed at `speed` times the frames' own clock (`t`), as if live. A line that cannot be
/// read is skipped and reported once per error code, never fatal.
public struct JSONLinesSource: SimSource {
    public enum Input: Sendable, Equatable {
        case standardInput
        case file(String)
    }

    public let input: Input
    public let session: SessionDescriptor?
    /// Nil: as fast as lines arrive. Otherwise frames are paced by `t`, `speed` times real time.
    public let speed: Double?
    /// Longest accepted line (a frame with every channel is about 300 bytes).
    public var maximumLineBytes = 65_536

    public var displayName: String { "JSON lines" }

    public init(input: Input, session: SessionDescriptor?, speed: Double?) {
        self.input = input
        self.session = session
        self.speed = speed
    }

    public func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        let file: FileHandle
        switch input {
        case .standardInput:
            file = FileHandle.standardInput
        case .file(let path):
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw JSONLinesError(message: "cannot open \(path) for reading")
            }
            file = opened
        }
        if let session { await emit(.session(session)) }
        await emit(.status(.waiting(input == .standardInput ? "reading frames from standard input" : "reading frames")))
        let reader = LineReader(file: file, maximumLineBytes: maximumLineBytes)
        var pacer = speed.map { FramePacer(speed: $0) }
        var reported: Set<String> = []
        var streaming = false
        var lineNumber = 0
        for await line in reader.makeStream() {
            try Task.checkCancellation()
            lineNumber += 1
            let decoded: JSONLineDecoder.Line
            switch line {
            case .tooLong(let bytes):
                if reported.insert("line_too_long").inserted {
                    await emit(.status(.note("line \(lineNumber) skipped: \(bytes) bytes, more than \(maximumLineBytes)")))
                }
                continue
            case .text(let text):
                do {
                    decoded = try JSONLineDecoder.decode(text)
                } catch {
                    if reported.insert(error.code.rawValue).inserted {
                        await emit(.status(.note("line \(lineNumber) skipped: \(error.code.rawValue): \(error.message)")))
                    }
                    continue
                }
            }
            switch decoded {
            case .ignored:
                continue
            case .session(let session):
                await emit(.session(session))
            case .frame(let frame):
                try await pacer?.wait(for: frame.sessionTime)
                if !streaming {
                    streaming = true
                    await emit(.status(.streaming))
                }
                await emit(.frame(frame))
            }
        }
    }
}

/// Why the `jsonl` source cannot run (its input cannot be opened).
public struct JSONLinesError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Holds frames to their own clock: frame `t` leaves `(t - t0) / speed` after the first. A jump
/// back in time (a new session) or a gap of more than 5 s (a pause) restarts the clock.
struct FramePacer: Sendable {
    let speed: Double
    private var origin: (time: Double, instant: ContinuousClock.Instant)?

    init(speed: Double) { self.speed = speed }

    mutating func wait(for time: Double) async throws {
        guard time.isFinite else { return }
        if let origin, time >= origin.time {
            let target = origin.instant + .seconds((time - origin.time) / speed)
            if target - .now <= .seconds(5) {
                try await Task.sleep(until: target)
                return
            }
        }
        origin = (time, .now)
    }
}
