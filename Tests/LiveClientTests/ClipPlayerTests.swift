import Foundation
import NIOCore
import Synchronization
import Telemetry
import Testing
import WireClient

@testable import LiveClient

/// `--play`: each clip goes to the player command on its own, one at a time, and a clip whose
/// deadline has passed (or would pass while it plays) never does. The "player" is a shell
/// command that records what it was given and when.
@Suite(.timeLimit(.minutes(1)))
struct ClipPlayerTests {
    /// A player that writes each clip to a numbered file and logs its start and end times.
    struct RecordingPlayer {
        let directory: URL
        let seconds: Double

        init(seconds: Double) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("player-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            self.seconds = seconds
        }

        var command: String {
            let dir = directory.path
            return "n=$(ls '\(dir)' | grep -c clip); date +%s%N >> '\(dir)/log'; cat > '\(dir)/clip-'$n; sleep \(seconds); date +%s%N >> '\(dir)/log'"
        }

        /// What each run got, in order.
        func clips() throws -> [String] {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("clip-") }
            return try names.sorted { Int($0.dropFirst(5))! < Int($1.dropFirst(5))! }.map {
                try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
            }
        }

        /// (start, end) of each run, nanoseconds.
        func runs() throws -> [(Int, Int)] {
            let stamps = try String(contentsOf: directory.appendingPathComponent("log"), encoding: .utf8)
                .split(separator: "\n").compactMap { Int($0) }
            return stride(from: 0, to: stamps.count - 1, by: 2).map { (stamps[$0], stamps[$0 + 1]) }
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// A clip message for cue `id` whose "Ogg" payload names it.
    static func clip(cue id: UInt64, seconds: Double) throws -> ClipMessage {
        let payload = Array("OggS clip of cue \(id)".utf8)
        let header = VoiceClipHeader(
            cueID: id, clipID: String(format: "%016llx", id), sampleRate: 48_000, durationSamples: UInt32(seconds * 48_000),
            payloadLength: UInt32(payload.count))
        return try ClipMessage(ByteBuffer(bytes: try #require(header.encoded()) + payload))
    }

    static func cue(_ id: UInt64, deadline: Double?) -> ClientEvent {
        .cue(CueNotice(id: id, kind: deadline == nil ? "feedback" : "anticipatory", text: "cue \(id)", deadline: deadline))
    }

    func car(_ position: CarPosition, lap: Int32, at distance: Float, speed: Float = 50) {
        position.update(Sample.frame(0, lap: lap, distance: distance, speed: speed))
    }

    @Test func expiredClipsAreNeverPlayedAndLateClipsAreMatchedByCueID() async throws {
        let recorder = try RecordingPlayer(seconds: 0.05)
        defer { recorder.remove() }
        let position = CarPosition()
        position.setTrackLength(580)
        car(position, lap: 3, at: 100)
        let said = Mutex<[String]>([])
        let player = ClipPlayer(command: recorder.command, position: position, queueLimit: 16) { line in said.withLock { $0.append(line) } }
        let playing = Task { await player.run() }
        player.handle(Self.cue(1, deadline: 400))  // 1 s at 50 m/s ends at 150 m: fits
        player.handle(.clip(try Self.clip(cue: 1, seconds: 1)))
        player.handle(Self.cue(2, deadline: 120))  // would end at 150 m, after its deadline
        player.handle(.clip(try Self.clip(cue: 2, seconds: 1)))
        player.handle(Self.cue(3, deadline: nil))  // feedback: no deadline
        player.handle(.clip(try Self.clip(cue: 3, seconds: 1)))
        player.handle(Self.cue(4, deadline: 90))  // already behind the car
        player.handle(.clip(try Self.clip(cue: 4, seconds: 1)))
        // Cue 5 comes without its clip, cue 6 with one; then cue 5's late clip.
        player.handle(Self.cue(5, deadline: 500))
        player.handle(Self.cue(6, deadline: 50))
        player.handle(.clip(try Self.clip(cue: 6, seconds: 1)))
        player.handle(.clip(try Self.clip(cue: 5, seconds: 1)))
        player.handle(.clip(try Self.clip(cue: 99, seconds: 1)))  // a cue never seen
        player.finish()
        await playing.value
        #expect(try recorder.clips() == ["OggS clip of cue 1", "OggS clip of cue 3", "OggS clip of cue 5"])
        let lines = said.withLock { $0 }
        #expect(lines.contains { $0.contains("\"cue 2\"") && $0.contains("after its deadline") })
        #expect(lines.contains { $0.contains("\"cue 4\"") && $0.contains("deadline passed") })
        #expect(lines.contains { $0.contains("\"cue 6\"") && $0.contains("deadline passed") })
        #expect(lines.contains { $0.contains("unknown cue 99") })
    }

    @Test func clipsNeverOverlapAndTheDeadlineIsCheckedWhenTheirTurnComes() async throws {
        let recorder = try RecordingPlayer(seconds: 0.3)
        defer { recorder.remove() }
        let position = CarPosition()
        position.setTrackLength(580)
        car(position, lap: 7, at: 100, speed: 10)
        let player = ClipPlayer(command: recorder.command, position: position) { _ in }
        let playing = Task { await player.run() }
        player.handle(Self.cue(1, deadline: nil))
        player.handle(.clip(try Self.clip(cue: 1, seconds: 0.1)))
        player.handle(Self.cue(2, deadline: nil))
        player.handle(.clip(try Self.clip(cue: 2, seconds: 0.1)))
        player.handle(Self.cue(3, deadline: 300))
        player.handle(.clip(try Self.clip(cue: 3, seconds: 0.1)))
        // While the first clips play, the car passes cue 3's deadline.
        car(position, lap: 7, at: 310, speed: 10)
        player.finish()
        await playing.value
        #expect(try recorder.clips() == ["OggS clip of cue 1", "OggS clip of cue 2"])
        let runs = try recorder.runs()
        #expect(runs.count == 2)
        for (earlier, later) in zip(runs, runs.dropFirst()) { #expect(earlier.1 <= later.0, "one player at a time") }
    }

    /// More clips than the queue holds while one plays: the oldest waiting ones are dropped.
    @Test func aFullQueueDropsTheOldestWaitingClip() async throws {
        let recorder = try RecordingPlayer(seconds: 1.5)
        defer { recorder.remove() }
        let said = Mutex<[String]>([])
        let player = ClipPlayer(command: recorder.command, position: CarPosition(), queueLimit: 2) { line in
            said.withLock { $0.append(line) }
        }
        let playing = Task { await player.run() }
        player.handle(Self.cue(1, deadline: nil))
        player.handle(.clip(try Self.clip(cue: 1, seconds: 0.1)))
        try await Task.sleep(for: .milliseconds(600))  // clip 1 has left the queue and plays (1.5 s)
        for id: UInt64 in 2...5 {
            player.handle(Self.cue(id, deadline: nil))
            player.handle(.clip(try Self.clip(cue: id, seconds: 0.1)))
        }
        player.finish()
        await playing.value
        #expect(try recorder.clips() == ["OggS clip of cue 1", "OggS clip of cue 4", "OggS clip of cue 5"])
        #expect(said.withLock { $0 }.filter { $0.contains("too many clips waiting") }.count == 2)
    }

    /// A player that never finishes is stopped, so it cannot silence the cues after it.
    @Test func aHungPlayerIsStoppedAndTheNextClipPlays() async throws {
        let recorder = try RecordingPlayer(seconds: 0)
        defer { recorder.remove() }
        let marker = recorder.directory.appendingPathComponent("hang").path
        let command = "if [ ! -e '\(marker)' ]; then touch '\(marker)'; cat > /dev/null; exec sleep 60; fi; \(recorder.command)"
        let said = Mutex<[String]>([])
        let player = ClipPlayer(command: command, position: CarPosition(), overrun: .milliseconds(300)) { line in
            said.withLock { $0.append(line) }
        }
        let playing = Task { await player.run() }
        for id: UInt64 in [1, 2] {
            player.handle(Self.cue(id, deadline: nil))
            player.handle(.clip(try Self.clip(cue: id, seconds: 0.1)))
        }
        player.finish()
        let started = ContinuousClock.now
        await playing.value
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(try recorder.clips() == ["OggS clip of cue 2"])
        #expect(said.withLock { $0 }.contains { $0.contains("still running") })
    }

    @Test func aDeadlineBehindTheCarNearTheLineBelongsToTheNextLap() {
        let nearLine = CarPosition.Snapshot(lap: 4, distance: 560, speed: 40, trackLength: 580)
        let deadline = ClipDeadline(deadline: 60, carAtCue: nearLine)
        #expect(deadline?.lateness(of: 1, carNow: nearLine) == nil, "turn 1 of lap 5 is still ahead")
        let passed = CarPosition.Snapshot(lap: 5, distance: 70, speed: 40, trackLength: 580)
        #expect(deadline?.lateness(of: 1, carNow: passed) != nil)
        let justLate = CarPosition.Snapshot(lap: 4, distance: 300, speed: 40, trackLength: 580)
        #expect(ClipDeadline(deadline: 295, carAtCue: justLate)?.lateness(of: 0.1, carNow: justLate) != nil, "5 m late is late, not a lap early")
    }
}
