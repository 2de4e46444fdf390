import Coaching
import Foundation
import Testing

@testable import Storage

/// `GET /api/v1/sessions/{id}/advice`: the stored session's cues judged against its stored laps
/// (issue 16): brake point advice followed, apex speed advice not, ranked so; another driver's
/// session is a 404 like a missing one.
@Suite struct RESTAdviceTests {
    /// A stored lap whose turn 1 brakes `brake` m off the reference and whose turn 2 is `speed` km/h off.
    static func lap(_ number: Int32, brake: Double, speed: Double) -> CompletedLap {
        var lap = RESTFixture.lap(number: number, frames: 10)
        lap.corners[0].versusReference = CueNumbers(brakePointDelta: brake, minimumSpeedDelta: 0, timeDelta: abs(brake) * 0.01)
        lap.corners[1].versusReference = CueNumbers(brakePointDelta: 0, minimumSpeedDelta: speed, timeDelta: abs(speed) * 0.02)
        return lap
    }

    static func cue(_ id: UInt64, _ topic: Cue.Topic, corner: Int) -> Cue {
        Cue(id: id, kind: .feedback, topic: topic, corner: corner, severity: 2, text: "Turn \(corner)", numbers: CueNumbers(), batchSequence: id)
    }

    @Test func theSessionsAdviceIsJudgedAndRanked() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let session = try await SessionRepository(database: server.database).create(
                driverID: server.driverID, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none")
            let writer = LapWriter(database: server.database)
            for (number, brake) in [(Int32(1), -20.0), (2, -1), (3, 1), (4, -2)] {
                _ = try await writer.store(Self.lap(number, brake: brake, speed: -8), sessionID: session.id, driverID: server.driverID)
            }
            try await writer.record(cues: [Self.cue(1, .brakePoint, corner: 1), Self.cue(2, .minimumSpeed, corner: 2)], sessionID: session.id, lapNumber: 1)
            try await writer.record(cues: [Self.cue(3, .minimumSpeed, corner: 2)], sessionID: session.id, lapNumber: 3)

            let body = try await RESTFixture.getJSON(server, "/api/v1/sessions/\(session.id)/advice")
            let outcomes = try #require(body["outcomes"] as? [[String: Any]])
            #expect(outcomes.count == 2 && body["pending"] as? Int == 1, "the cue of lap 3 has one lap after it")
            // The pending cue says what it waits for: lap 4 measured its corner, one more is needed.
            let waiting = try #require(body["waiting"] as? [[String: Any]])
            #expect(waiting.count == 1 && waiting.first?["cue_id"] as? Int == 3 && waiting.first?["lap_number"] as? Int == 3)
            #expect(waiting.first?["about_lap_measured"] as? Bool == true)
            #expect(waiting.first?["laps_after"] as? Int == 1 && waiting.first?["laps_needed"] as? Int == 2)
            let brake = try #require(outcomes.first { $0["topic"] as? String == "brake_point" })
            #expect(brake["worked"] as? Bool == true && brake["corner"] as? Int == 1 && brake["lap_number"] as? Int == 1)
            #expect(brake["before"] as? Double == 20 && brake["after"] as? Double == 1)
            let apex = try #require(outcomes.first { $0["topic"] as? String == "minimum_speed" })
            #expect(apex["worked"] as? Bool == false)
            let topics = try #require(body["topics"] as? [[String: Any]])
            #expect(topics.map { $0["topic"] as? String } == ["brake_point", "minimum_speed"])
            #expect(topics.first?["judged"] as? Int == 1 && topics.first?["worked"] as? Int == 1)
            let corners = try #require(body["corners"] as? [[String: Any]])
            #expect(corners.map { $0["corner"] as? Int } == [1, 2])

            // The session report: JSON, and the plain text a DM carries, in either language.
            let report = try await RESTFixture.getJSON(server, "/api/v1/sessions/\(session.id)/report")
            #expect(report["valid_laps"] as? Int == 4)
            #expect((report["best_lap"] as? [String: Any])?["lap_number"] as? Int == 1)
            #expect((report["costliest_corners"] as? [[String: Any]])?.first?["corner"] as? Int == 2)
            #expect(((report["advice"] as? [String: Any])?["topics"] as? [[String: Any]])?.count == 2)
            let (textStatus, text) = try await RESTFixture.get(server, "/api/v1/sessions/\(session.id)/report?format=text&language=tr")
            #expect(textStatus == .ok && text.hasPrefix("En iyi tur 1:23,300 (tur 1)"), "\(text)")
            let (badFormat, _) = try await RESTFixture.get(server, "/api/v1/sessions/\(session.id)/report?format=pdf")
            #expect(badFormat == .badRequest)
            let (badLanguage, _) = try await RESTFixture.get(server, "/api/v1/sessions/\(session.id)/report?language=de")
            #expect(badLanguage == .badRequest)

            let other = try await server.addDriver(named: "other")
            let (status, _) = try await RESTFixture.get(server, "/api/v1/sessions/\(session.id)/advice", token: other.token)
            #expect(status == .notFound)
            let (foreignReport, _) = try await RESTFixture.get(server, "/api/v1/sessions/\(session.id)/report", token: other.token)
            #expect(foreignReport == .notFound)
            let (missing, _) = try await RESTFixture.get(server, "/api/v1/sessions/nope/advice")
            #expect(missing == .notFound)
        }
    }
}
