import Coaching
import Foundation
import Testing
import TestSupport

@testable import CoachServer

/// Issue 16's proof on real laps no one tuned the coach on: every recording in ../shared/data
/// streamed through the real server (WebSocket, SQLite) as fast as the socket takes it, against
/// the recording's own fastest lap. No cue may speak of a channel the data lacks, and the number
/// in each brake point, apex speed and pick-up cue must agree with the same quantity measured from
/// the raw frames by `RawCornerReading`. Each run prints one row of the table in docs/coaching.md
/// ("Real recordings") and the session's advice outcomes.
@Suite(.serialized, .enabled(if: TestData.sharedDataDirectory != nil, "skipped: needs ../shared/data (absent)"))
struct RealRecordingCoachingTests {
    static let batchSize = 6
    /// The longest recording (Sebring, about 11 minutes of 60 Hz rows) takes about a minute in a
    /// debug build on the shared 2 cores.
    static let timeoutSeconds = 300.0

    @Test(arguments: RealRecordingSession.paths)
    func coachedLiveAgainstItsBestLap(path: String) async throws {
        let recording = try RealRecordingSession(path: path)
        let laps = Dictionary(grouping: recording.frames, by: \.lapNumber).mapValues { ($0.first?.sessionTime ?? 0, $0.last?.sessionTime ?? 0) }
        print("\(recording.name): reference lap \(recording.referenceLap) (\(recording.reference?.metadata.lapTime ?? 0) s); frame laps", laps.sorted { $0.key < $1.key }.map { "\($0.key): \(String(format: "%.2f", $0.value.1 - $0.value.0)) s" })
        let result = try await EndToEndServer.with(library: recording.library, { server in
            try await Self.stream(recording, to: server)
        }, afterShutdown: { server, transcript in
            let session = try #require(transcript.welcome.session)
            let advice = try #require(try await StorageBackedReader(database: server.database).advice(sessionID: session, driverID: server.driverID))
            for tally in advice.topics {
                print("outcome | \(recording.name) | \(tally.topic ?? "") | judged \(tally.judged) | worked \(tally.worked)")
            }
            // Each cue: its outcome, or what it still waits for when the session ended.
            for outcome in advice.outcomes {
                print("advice | \(recording.name) | cue \(outcome.cueID) \(outcome.kind.rawValue) lap \(outcome.lapNumber) T\(outcome.corner) \(outcome.topic.rawValue) | \(outcome.worked ? "worked" : "did not work")")
            }
            for cue in advice.waiting {
                let about = cue.aboutLapMeasured ? "" : "the lap it is about is not a valid lap; "
                print("advice | \(recording.name) | cue \(cue.cueID) \(cue.kind.rawValue) lap \(cue.lapNumber) T\(cue.corner) \(cue.topic.rawValue) | not judged: \(about)\(cue.lapsAfter) of \(cue.lapsNeeded) valid laps after it")
            }
            #expect(advice.waiting.count == advice.pending)
            // Cues are recorded on the server's laps (FSUK's export numbers its laps 1, 3, 4; the
            // server 1, 2, 3): none on a lap after the last one it reported.
            let cueLaps = advice.outcomes.map(\.lapNumber) + advice.waiting.map(\.lapNumber)
            if let last = transcript.all("lap").compactMap(\.lap).max() {
                #expect(cueLaps.allSatisfy { $0 <= last }, "cues on laps \(Set(cueLaps).sorted()), last lap \(last)")
            }
        })
        let checks = RealRecordingCueCheck(recording: recording, transcript: result, batchSize: Self.batchSize)
        let errors = result.all("error")
        #expect(errors.isEmpty, "\(errors.count) errors, first: \(errors.first?.code ?? "") \(errors.first?.message ?? "")")
        if recording.reference == nil {
            #expect(result.all("cue").isEmpty, "no complete lap, no reference: nothing to say")
        }
        checks.expectNoCueAboutMissingChannels()
        let rows = checks.compareNumbers()
        for row in rows { print("cue | \(recording.name) | \(row)") }
        let disagreeing = rows.filter { $0.agrees == false }
        #expect(disagreeing.isEmpty, "\(disagreeing)")
        // Trail braking's shape on every valid lap and corner, beside the raw frames' reading;
        // the spread printed is what docs/coaching.md derives the threshold from.
        if let releases = checks.compareReleaseLengths() {
            for row in releases { print("release | \(recording.name) | \(row)") }
            let sizes = releases.map { abs($0.reported) }.sorted()
            print("release spread | \(recording.name) | \(sizes.count) corners | median |Δ| \(sizes.isEmpty ? 0 : sizes[sizes.count / 2]) m | largest \(sizes.last ?? 0) m | abrupt side past 20 m \(releases.filter { $0.reported <= -20 }.count)")
            let off = releases.filter { $0.agrees == false }
            #expect(off.isEmpty, "\(off)")
        } else {
            print("release | \(recording.name) | not compared: the sim numbers its laps with gaps")
        }
        let missed = checks.missedDeviations()
        for miss in missed { print("missed | \(recording.name) | \(miss)") }
        for corner in checks.lostGripCorners() { print("lost grip | \(recording.name) | \(corner)") }
        print(checks.tableRow(rows: rows, missed: missed))
    }

    static func stream(_ recording: RealRecordingSession, to server: EndToEndServer) async throws -> EndToEndTranscript {
        let batches = EndToEndFrameEncoder(for: recording.frames).batches(recording.frames, size: batchSize)
        let lastSequence = UInt64(batches.count)
        let client = EndToEndLiveClient(url: server.liveURL, token: server.token, tls: nil)
        let started = ContinuousClock.now
        let transcript = try await withTimeout(seconds: timeoutSeconds) {
            try await client.stream(hello: try recording.hello(), batches: batches) { reply in
                reply.type == "ack" && reply.seq == lastSequence ? .closeWhenQuiet : .keepReading
            }
        }
        print("\(recording.name): streamed \(recording.frames.count) frames in \(ContinuousClock.now - started)")
        return transcript
    }
}
