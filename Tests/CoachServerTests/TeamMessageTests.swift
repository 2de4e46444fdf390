import Coaching
import Foundation
import ServerSettings
import ServerTestSupport
import HTTPTypes
import Storage
import Telemetry
import Testing

@testable import CoachServer

/// A team member's message from the web `/team` page to a driver streaming the real Langley
/// session through the real coach: refused without CSRF, for a non-member and when too long;
/// accepted, then heard by the driver as a cue between corners with the sender named, and
/// logged with who sent it.
@Suite(.enabled(if: EndToEndLangleyRecording.directory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct TeamMessageTests {
    static let text = "brake earlier into 3"

    @Test func aMessagePostedOnTheWebIsHeardBetweenCornersWithItsSenderLogged() async throws {
        let recording = try EndToEndLangleyRecording()
        // The WebSocket client names its origin without the port: allowed, so only the team decides.
        try await EndToEndServer.with(library: recording.library, configure: { $0.listen.allowedOrigins = "http://127.0.0.1" }) { server in
            let team = try await TeamFixture.make(on: server.database, sharing: server.driverID)
            let engineer = try await DriverPagesBrowser.signIn(server, driverID: team.engineerID)
            let outsider = try await DriverPagesBrowser.signIn(server, driverID: team.outsiderID)
            let csrf = try #require(try await Self.csrf(engineer, server))
            let outsiderCSRF = try #require(try await Self.csrf(outsider, server))
            let form = { @Sendable (csrf: String, text: String) in
                "csrf=\(csrf)&driver=\(server.driverID)&text=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }

            let page = try await engineer.request("/team")
            #expect(page.status == .ok)
            #expect(page.body.contains("data-driver=\"\(server.driverID)\""), "the shared driver is listed")
            #expect(try await outsider.request("/team").body.contains("id=\"team-empty\""), "a guest of the team sees nobody")
            // Not driving: nobody would hear it.
            let early = try await engineer.request("/team/messages", method: .post, form: form(csrf, Self.text))
            #expect(early.status == .conflict)
            #expect(early.body.contains("data-code=\"driver_not_live\""))

            // The stream starts in the middle of turn 1 (braking), so the message waiting before
            // the first frame has a corner to wait out: said at once, it would be mid-corner.
            let map = TrackSegmenter.trackMap(for: recording.reference, track: recording.session.track)
            let first = try #require(map.corners.first)
            let start = try #require(recording.frames.indices.first { index in
                let frame = recording.frames[index]
                return index > 0 && frame.lapNumber > recording.frames[0].lapNumber && frame.brake > 0.3
                    && Double(frame.lapDistance) > (first.brakePoint ?? first.entry) && Double(frame.lapDistance) < first.apex
            })
            let frames = Array(recording.frames[start...])
            // The engineer watches the driver live through the listen mirror; the outsider may not.
            let cookie = { (browser: DriverPagesBrowser) in HTTPFields([HTTPField(name: .cookie, value: "trailbrake_listen=\(browser.cookie ?? "")")]) }
            let watcher = ListenProbe(port: server.port, headers: cookie(engineer), scheme: "http", query: "?driver=\(server.driverID)")
            let stranger = ListenProbe(port: server.port, headers: cookie(outsider), scheme: "http", query: "?driver=\(server.driverID)")
            await #expect(throws: (any Error).self, "a non-member's listen upgrade is refused") { _ = try await stranger.closedByServer() }

            let batches = EndToEndFrameEncoder(for: frames).batches(frames, size: EndToEndLangleyTests.batchSize)
            let lastSequence = UInt64(batches.count)
            let client = EndToEndLiveClient(url: server.liveURL, token: server.token, tls: nil)
            let transcript = try await withTimeout(seconds: EndToEndLangleyTests.timeoutSeconds) {
                try await client.stream(hello: try recording.hello(), batches: batches, afterWelcome: {
                    let noToken = try await engineer.request("/team/messages", method: .post, form: "driver=\(server.driverID)&text=box")
                    #expect(noToken.status == .forbidden, "a form without its CSRF token is refused")
                    let stranger = try await outsider.request("/team/messages", method: .post, form: form(outsiderCSRF, Self.text))
                    #expect(stranger.status == .notFound, "a non-member may not message the driver")
                    let long = try await engineer.request(
                        "/team/messages", method: .post, form: form(csrf, String(repeating: "a", count: ServerConfiguration().team.messageMaxLength + 1)))
                    #expect(long.status == .badRequest)
                    #expect(long.body.contains("data-code=\"message_too_long\""))
                    #expect(long.body.contains("at most \(ServerConfiguration().team.messageMaxLength) characters"))
                    let sent = try await engineer.request("/team/messages", method: .post, form: form(csrf, Self.text))
                    #expect(sent.status == .ok)
                    #expect(sent.body.contains("data-code=\"queued\""))
                }) { reply in
                    reply.type == "ack" && reply.seq == lastSequence ? .closeWhenQuiet : .keepReading
                }
            }

            let said = transcript.all("cue").filter { $0.topic == "team_message" }
            #expect(said.count == 1, "the message is said once")
            let cue = try #require(said.first)
            #expect(cue.text == "engineer: \(Self.text)")
            #expect(cue.from == "engineer")
            let records = try await TeamWebRepository(database: server.database).recentMessages(driverIDs: [server.driverID], limit: 10)
            let record = try #require(records.first { $0.text == Self.text && $0.outcome == .said })
            #expect(record.senderName == "engineer")
            let distance = try #require(record.lapDistance)
            print("team message said on lap \(record.lapNumber ?? -1) at \(distance) m, batch \(cue.seq ?? 0)")
            // Not in a corner: outside every corner of the reference, from its brake point (or
            // entry) to its exit, and off the brake where it was said.
            print("corners:", map.corners.map { "T\($0.number) \(Int($0.brakePoint ?? $0.entry))...\(Int($0.exit))" }, "first frame at", frames[0].lapDistance, "brake", frames[0].brake)
            for corner in map.corners {
                let start = corner.brakePoint ?? corner.entry
                #expect(!(start...corner.exit).contains(distance), "said at \(distance) m, in turn \(corner.number) (\(start)...\(corner.exit))")
            }
            let sequence = try #require(cue.seq)
            let batch = frames[(Int(sequence) - 1) * EndToEndLangleyTests.batchSize..<min(frames.count, Int(sequence) * EndToEndLangleyTests.batchSize)]
            let frame = try #require(batch.min { abs(Double($0.lapDistance) - distance) < abs(Double($1.lapDistance) - distance) })
            #expect(frame.brake < PedalThresholds.brakeOff, "off the brake")

            try await watcher.wait(for: "the team message", until: { messages in
                messages.contains { if case .text(_, let raw) = $0 { raw.contains("\"topic\":\"team_message\"") } else { false } }
            })
            #expect(watcher.replies.contains { $0.type == "welcome" } && watcher.replies.contains { $0.type == "delta" })
            _ = try await watcher.finish()

            // The sender's allowance counts every message it let through (the early one and the said
            // one; now the session has ended, the next are refused as not live, and counted too),
            // until `team.messages_per_minute`; the next is refused with its code.
            let perMinute = ServerConfiguration().team.messagesPerMinute
            var admitted = 2
            while admitted <= perMinute {
                let next = try await engineer.request("/team/messages", method: .post, form: form(csrf, "push \(admitted)"))
                if next.status == .tooManyRequests {
                    #expect(next.body.contains("data-code=\"rate_limited\""))
                    break
                }
                #expect(next.status == .conflict, "the session has ended")
                admitted += 1
            }
            #expect(admitted == perMinute, "exactly \(perMinute) a minute")

            let log = try await engineer.request("/team")
            #expect(log.body.contains("<td class=\"sender\">engineer</td>"), "the page shows who sent it")
            #expect(log.body.contains("<td class=\"text\">\(Self.text)</td>"))
            #expect(log.body.contains("team-message-row said"))
        }
    }

    static func csrf(_ browser: DriverPagesBrowser, _ server: EndToEndServer) async throws -> String? {
        guard let cookie = browser.cookie else { return nil }
        return try await StorageBackedBrowserSessions(database: server.database).session(cookie: cookie)?.csrfToken
    }
}
