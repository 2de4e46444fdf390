import CoachServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing

/// The assertions on one streamed Langley session, shared by the `ws://` and `wss://` tests.
struct EndToEndLangleyChecks {
    /// The team's tolerance on a lap time: 5 ms, a third of a 60 Hz frame.
    static let lapTimeTolerance = 0.005
    /// Brake points: the server measures on a 1 m grid from smoothed data, the raw onset is
    /// interpolated between two frames 0.7 m apart; 5 m is far below the 29 m being checked.
    static let brakePointTolerance = 5.0
    /// The last delta message of a lap comes up to 0.25 s before the line; 10 ms covers the gap
    /// still changing in that time.
    static let finalDeltaTolerance = 0.010
    /// Below these, a raw difference is measurement noise and its sign is not checked.
    static let meaningfulBrakePointDifference = 2.0
    static let meaningfulSpeedDifference = 1.0
    static let meaningfulPressureDifference = 0.03

    let recording: EndToEndLangleyRecording
    let transcript: EndToEndTranscript
    let batchSize: Int

    // MARK: - Handshake

    func welcomeNamesTheReference() throws {
        let reference = try #require(transcript.welcome.reference, "welcome names no reference")
        #expect(reference.reason == "shipped_track_and_car")
        #expect(reference.source == recording.reference.metadata.source)
        #expect(reference.car == recording.session.car)
        let referenceTime = try recording.lapTime(175)
        #expect(abs(reference.lap_time - referenceTime) < Self.lapTimeTolerance)
    }

    func noErrors() throws {
        let errors = transcript.replies.filter { $0.reply.type == "error" }.map(\.raw)
        #expect(errors.isEmpty, "the server refused part of a real recording: \(errors.prefix(3))")
    }

    // MARK: - Laps

    func lapMessagesHaveTheSimsLapTimes() throws {
        let laps = transcript.all("lap")
        for lap in laps {
            print("lap \(lap.lap ?? -1): time \(lap.time.map { String(format: "%.4f", $0) } ?? "null"), valid \(lap.valid ?? false), "
                + "reason \(lap.invalid_reason ?? "-"), delta \(lap.delta.map { String(format: "%+.4f", $0) } ?? "null"), lap_id \(lap.lap_id ?? -1)")
        }
        let outLap = try #require(laps.first { $0.lap == 173 }, "no lap message for out-lap 173")
        #expect(outLap.valid == false && outLap.time == nil)
        for number: Int32 in [174, 175] {
            let lap = try #require(laps.first { $0.lap == number }, "no lap message for lap \(number)")
            let time = try #require(lap.time, "lap \(number) has no time")
            let oracle = try recording.lapTime(number)
            print(String(format: "lap %d: server %.4f s, manifest %.4f s, %+.2f ms", number, time, oracle, (time - oracle) * 1000))
            #expect(abs(time - oracle) < Self.lapTimeTolerance, "lap \(number)")
            #expect(lap.valid == true && lap.stored == true && lap.lap_id != nil, "lap \(number)")
        }
    }

    // MARK: - Cues

    /// Lap 174 braked for turn 1 about 29 m before lap 175 (the reference) did: the server must
    /// say so, for that corner, right after it, with the batch that triggered it.
    func brakePointCueForLap174MatchesTheRawData() throws {
        printCues()
        let driven = try rawBraking(174), reference = try rawBraking(175)
        let drivenOnset = try #require(driven.zones.first).onset, referenceOnset = try #require(reference.zones.first).onset
        let expected = drivenOnset - referenceOnset
        print(String(format: "turn 1 raw brake onset: lap 174 %.1f m, lap 175 %.1f m, expected delta %+.1f m", drivenOnset, referenceOnset, expected))

        let lap174Batches = try batches(of: 174)
        let index = try #require(
            transcript.index { $0.type == "cue" && $0.topic == "brake_point" && $0.corner == 1 && lap174Batches.contains($0.seq ?? 0) },
            "no brake_point cue for turn 1 triggered by lap 174's frames")
        let cue = transcript.replies[index].reply
        let delta = try #require(cue.numbers?.brake_point_delta)
        print(String(format: "turn 1 cue: brake_point_delta %+.1f m vs raw %+.1f m (seq %d)", delta, expected, cue.seq ?? 0))
        #expect(delta < 0, "braked earlier than the reference")
        #expect(abs(delta - expected) < Self.brakePointTolerance)
        #expect(cue.kind == "feedback")
        let lapMessage = try #require(transcript.index { $0.type == "lap" && $0.lap == 174 })
        #expect(index < lapMessage, "feedback comes right after the corner, before the lap ends")
    }

    /// Every number in every cue points the same way as the raw data of that lap against lap 175.
    func everyCueAgreesInSignWithTheRawData() throws {
        let reference = try rawBraking(175)
        for cue in transcript.all("cue") {
            let lap = try lapOfBatch(try #require(cue.seq))
            #expect(lap != 175, "lap 175 is the reference itself, nothing to say: \(cue.text ?? "")")
            let corner = try #require(cue.corner)
            guard lap != 175, let numbers = cue.numbers, let driven = try? rawBraking(lap),
                driven.zones.indices.contains(corner - 1), reference.zones.indices.contains(corner - 1)
            else {
                print("cue \(cue.id ?? 0) on lap \(lap) turn \(corner): no raw braking zone to compare with")
                continue
            }
            let (mine, theirs) = (driven.zones[corner - 1], reference.zones[corner - 1])
            expectSameSign(numbers.brake_point_delta, mine.onset - theirs.onset, noise: Self.meaningfulBrakePointDifference, "brake point", cue)
            expectSameSign(numbers.minimum_speed_delta, mine.minimumSpeed - theirs.minimumSpeed, noise: Self.meaningfulSpeedDifference, "minimum speed", cue)
            expectSameSign(numbers.peak_brake_delta, mine.peakBrake - theirs.peakBrake, noise: Self.meaningfulPressureDifference, "peak brake", cue)
        }
    }

    private func expectSameSign(_ reported: Double?, _ raw: Double, noise: Double, _ name: String, _ cue: EndToEndReply) {
        guard let reported else { return }
        print(String(format: "  cue %d turn %d %@: server %+.2f, raw %+.2f", cue.id ?? 0, cue.corner ?? 0, name, reported, raw))
        guard abs(raw) > noise else { return }
        #expect((reported > 0) == (raw > 0), "cue \(cue.id ?? 0) turn \(cue.corner ?? 0): \(name) \(reported) vs raw \(raw)")
    }

    private func printCues() {
        for (reply, raw) in transcript.replies where reply.type == "cue" {
            let lap = (try? lapOfBatch(reply.seq ?? 0)).map(String.init) ?? "?"
            print("cue (lap \(lap)): \(raw)")
        }
    }

    // MARK: - Delta

    /// The live delta over lap 174 ends at the gap between the two laps (0.087 s); over lap 175,
    /// the reference itself, it stays at zero.
    func deltaEndsLap174AtTheLapTimeDifference() throws {
        let deltas = transcript.all("delta")
        let last174 = try #require(deltas.last { $0.lap == 174 }, "no delta during lap 174")
        let final = try #require(last174.delta)
        let expected = try recording.lapTime(174) - recording.lapTime(175)
        print(String(format: "last delta of lap 174: %+.4f s at %.1f m; lap time difference %+.4f s", final, last174.dist ?? 0, expected))
        #expect(abs(final - expected) < Self.finalDeltaTolerance)
        let onReference = deltas.filter { $0.lap == 175 }.compactMap(\.delta)
        #expect(!onReference.isEmpty)
        let worst = onReference.map { abs($0) }.max() ?? 0
        print(String(format: "lap 175 (the reference): %d deltas, largest %.4f s", onReference.count, worst))
        #expect(worst < Self.lapTimeTolerance)
    }

    // MARK: - Storage

    /// Laps 174 and 175 are in SQLite with the times the client heard, and lap 174's telemetry
    /// comes back frame for frame (within the storage codec's documented quantisation steps).
    func lapsAreStored(in server: EndToEndServer, overREST: Bool) async throws {
        let session = try #require(transcript.welcome.session)
        let repository = LapRepository(database: server.database)
        let stored = try await repository.laps(sessionID: session, driverID: server.driverID)
        for number: Int32 in [174, 175] {
            let heard = try #require(transcript.all("lap").first { $0.lap == number })
            let row = try #require(stored.first { $0.lapNumber == number }, "lap \(number) is not in the database")
            #expect(row.id == heard.lap_id && row.lapTime == heard.time && row.isValid, "lap \(number)")
            #expect(row.frameCount == recording.manifest[number]?.rows, "lap \(number)")
        }

        let lap174 = try #require(stored.first { $0.lapNumber == 174 })
        let frames = try #require(try await repository.telemetry(lapID: lap174.id, driverID: server.driverID))
        let sent = try recording.rows(of: 174).map { recording.frames[$0] }
        #expect(frames.count == sent.count)
        // Half of `StoredChannel`'s steps: 2^-14 s for time and pedals, 2^-10 m for distance.
        let worstTime = zip(frames, sent).map { abs($0.sessionTime - $1.sessionTime) }.max() ?? .infinity
        let worstDistance = zip(frames, sent).map { abs(Double($0.lapDistance - $1.lapDistance)) }.max() ?? .infinity
        let worstBrake = zip(frames, sent).map { abs(Double($0.brake - $1.brake)) }.max() ?? .infinity
        print(String(format: "lap 174 telemetry: %d frames, worst error %.1e s, %.1e m, brake %.1e", frames.count, worstTime, worstDistance, worstBrake))
        #expect(worstTime <= 0x1p-15 && worstDistance <= 0x1p-11 && worstBrake <= 0x1p-15)

        if overREST { try await lapsOverREST(server, session: session, stored: stored) }
    }

    private func lapsOverREST(_ server: EndToEndServer, session: String, stored: [LapRecordRow]) async throws {
        struct Body: Decodable {
            struct Lap: Decodable { let id: Int64; let lap_number: Int32; let lap_time: Double?; let is_valid: Bool; let frame_count: Int }
            let laps: [Lap]
        }
        let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.get("/api/v1/sessions/\(session)/laps", headers: [.authorization: "Bearer \(server.token)"])
        }
        #expect(response.status == .ok)
        let body = try JSONDecoder().decode(Body.self, from: Data(String(buffer: response.body ?? .init()).utf8))
        for number: Int32 in [174, 175] {
            let lap = try #require(body.laps.first { $0.lap_number == number }, "REST lists no lap \(number)")
            let heard = transcript.all("lap").first(where: { $0.lap == number })
            #expect(lap.lap_time == heard?.time && lap.is_valid)
            #expect(lap.frame_count == recording.manifest[number]?.rows)
        }
        // The client's close (1000) ends the session, which stores the partial lap 176 at any
        // moment after `stored` was read: REST lists what was stored, plus at most that lap.
        let storedIDs = Set(stored.map(\.id))
        #expect(storedIDs.isSubset(of: Set(body.laps.map(\.id))))
        let later = body.laps.filter { !storedIDs.contains($0.id) }
        #expect(later.allSatisfy { $0.lap_number == 176 && !$0.is_valid && $0.lap_time == nil }, "unexpected laps: \(later.map(\.lap_number))")
    }

    /// After the server shut down: the lap in progress at the end (176, half a lap) is stored as
    /// a partial lap, with every frame the client sent for it.
    static func partialLapIsStored(_ recording: EndToEndLangleyRecording, session: String, in database: TrailbrakeDatabase, driverID: Int64)
        async throws
    {
        let laps = try await LapRepository(database: database).laps(sessionID: session, driverID: driverID)
        let partial = try #require(laps.first { $0.lapNumber == 176 }, "the partial lap 176 was not stored")
        #expect(!partial.isValid && partial.lapTime == nil && partial.invalidReason == "partial")
        #expect(partial.frameCount == recording.manifest[176]?.rows)
    }

    // MARK: - Rows and batches

    private func rawBraking(_ lap: Int32) throws -> EndToEndRawBraking {
        EndToEndRawBraking(frames: recording.frames, rows: try recording.rows(of: lap))
    }

    /// Sequences of the batches holding at least one frame of `lap` (batch n holds rows (n-1)·size ..< n·size).
    private func batches(of lap: Int32) throws -> ClosedRange<UInt64> {
        let rows = try recording.rows(of: lap)
        return UInt64(rows.lowerBound / batchSize + 1)...UInt64(rows.upperBound / batchSize + 1)
    }

    /// The lap of the last frame in batch `sequence` (the frame that can have triggered a cue).
    private func lapOfBatch(_ sequence: UInt64) throws -> Int32 {
        let lastRow = min(Int(sequence) * batchSize - 1, recording.frames.count - 1)
        guard let lap = recording.manifest.values.first(where: { ($0.firstRow...$0.lastRow).contains(lastRow) }) else {
            throw TestFailure("batch \(sequence) is outside the recording")
        }
        return lap.lap
    }
}
