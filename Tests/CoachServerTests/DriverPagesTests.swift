import Foundation
import HummingbirdTesting
import Storage
import Telemetry
import Testing

@testable import CoachServer

/// The drivers' web pages on the real server with a real stored session: the Langley
/// recording streamed over the live socket (as `EndToEndLangleyTests` do), then read as a
/// signed-in browser. Expected lap times come from `manifest.json` (an independent reader) and
/// the raw frames, the theoretical best from the REST report.
@Suite(.enabled(if: EndToEndLangleyRecording.directory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct DriverPagesTests {
    /// Streams the recording into a fresh server, signs alice in and runs `body`.
    static func withLangleySession(
        _ body: @Sendable (EndToEndServer, EndToEndLangleyRecording, String, DriverPagesBrowser) async throws -> Void
    ) async throws {
        let recording = try EndToEndLangleyRecording()
        try await EndToEndServer.with(library: recording.library) { server in
            let transcript = try await EndToEndLangleyTests.streamWholeRecording(recording, to: server, tls: nil)
            let session = try #require(transcript.welcome.session)
            try await body(server, recording, session, try await DriverPagesBrowser.signIn(server, driverID: server.driverID))
        }
    }

    @Test func langleySessionPagesShowTheSimsLapTimesAndTheLapAgainstItsReference() async throws {
        try await Self.withLangleySession { server, recording, sessionID, browser in
            let format = { (time: Double) in String(format: "%.3f", time) }
            let list = try await browser.request("/sessions")
            #expect(list.status == .ok)
            #expect(list.body.contains("<a href=\"/sessions/\(sessionID)\">"))
            #expect(list.body.contains("<td class=\"num best-lap\">\(format(try recording.lapTime(175)))</td>"))
            #expect(list.body.contains("<td class=\"num lap-count\">2</td>"), "laps 174 and 175 are valid")

            let session = try await browser.request("/sessions/\(sessionID)")
            #expect(session.status == .ok)
            for number: Int32 in [174, 175] {
                let row = try #require(session.lapRow(number), "lap \(number) listed")
                #expect(row.contains("<td class=\"num lap-time\">\(format(try recording.lapTime(number)))</td>"), "\(row)")
                #expect(row.contains("<td class=\"status\">Valid</td>"))
            }
            #expect(session.lapRow(175)?.contains("class=\"best\"") == true)
            let delta = try recording.lapTime(174) - recording.lapTime(175)
            #expect(session.lapRow(174)?.contains(String(format: "+%.3f", delta)) == true, "lap 174 against the lap-175 reference")
            #expect(session.text(ofID: "best-lap")?.hasPrefix(format(try recording.lapTime(175))) == true)
            let report = try await Self.report(server, session: sessionID)
            #expect(session.text(ofID: "theoretical-best") == report.theoretical_best.map(format))

            let lapID = try #require(session.lapID(174))
            let lap = try await browser.request("/laps/\(lapID)")
            #expect(lap.status == .ok)
            #expect(lap.text(ofID: "lap-time") == format(try recording.lapTime(174)))
            let points = lap.chartPoints
            #expect(Set(points.keys) == ["delta", "speed", "throttle", "brake", "gear", "steering"])
            // About 900 frames on a 576 m grid: every chart draws a line, far fewer points than samples.
            for (chart, count) in points { #expect(count >= 2 && count < 2 * 577, "\(chart): \(count) points") }
            #expect(lap.body.contains("<path class=\"ref\""), "drawn against the stored reference")
            // The speed table's values lie within the raw frames' speeds.
            let raw = try recording.rows(of: 174).map { Double(recording.frames[$0].speed) * 3.6 }
            // Columns: distance, the reference (lap 175), this lap.
            let table = Self.column(2, ofTable: "speed-table", in: lap.body)
            #expect(table.count > 50)
            #expect(table.allSatisfy { $0 >= (raw.min() ?? 0) - 1 && $0 <= (raw.max() ?? 0) + 1 })
            #expect((table.max() ?? 0) >= 0.97 * (raw.max() ?? 0))

            let turkish = try await browser.request("/laps/\(lapID)", language: "tr-TR,tr;q=0.9")
            #expect(turkish.body.contains("<html lang=\"tr\">"))
            #expect(turkish.text(ofID: "lap-time") == format(try recording.lapTime(174)).replacingOccurrences(of: ".", with: ","))

            let other = try #require(session.lapID(175))
            let compare = try await browser.request("/laps/compare?a=\(other)&b=\(lapID)")
            #expect(compare.status == .ok)
            #expect(compare.body.contains("<h1>Lap 175 against lap 174</h1>"))
            #expect(compare.text(ofID: "lap-delta") == String(format: "+%.3f", delta))
        }
    }

    @Test func anotherDriversPagesAreNotFoundAndNoCookieIsAskedToSignIn() async throws {
        try await Self.withLangleySession { server, _, sessionID, alice in
            let lapID = try #require(try await alice.request("/sessions/\(sessionID)").lapID(174))
            let bob = try await server.addDriver(named: "bob")
            let bobBrowser = try await DriverPagesBrowser.signIn(server, driverID: bob.id)
            for path in ["/sessions/\(sessionID)", "/laps/\(lapID)", "/laps/compare?a=\(lapID)&b=\(lapID)", "/sessions/nope", "/laps/abc"] {
                let page = try await bobBrowser.request(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body.contains("id=\"notice\""))
            }
            #expect(!(try await bobBrowser.request("/sessions")).body.contains(sessionID))
            let anonymous = DriverPagesBrowser(port: server.port, cookie: nil)
            let page = try await anonymous.request("/laps/\(lapID)")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("href=\"/listen/login\""))
            #expect(try await DriverPagesBrowser(port: server.port, cookie: "tbs_forged").request("/sessions").status == .unauthorized)
        }
    }

    @Test func theSignOutFormWithoutItsTokenIsRefusedAndWithItSignsOut() async throws {
        try await Self.withLangleySession { _, _, _, browser in
            let page = try await browser.request("/sessions")
            let csrf = try #require(page.body.range(of: "name=\"csrf\" value=\"").map { String(page.body[$0.upperBound...].prefix { $0 != "\"" }) })
            let refused = try await browser.request("/listen/logout", method: .post, form: "csrf=")
            #expect(refused.status == .forbidden)
            let wrong = try await browser.request("/listen/logout", method: .post, form: "csrf=\(String(csrf.reversed()))")
            #expect(wrong.status == .forbidden)
            #expect(try await browser.request("/sessions").status == .ok, "still signed in after refused forms")
            let signedOut = try await browser.request("/listen/logout", method: .post, form: "csrf=\(csrf)")
            #expect(signedOut.status == .seeOther)
            #expect(try await browser.request("/sessions").status == .unauthorized)
        }
    }

    @Test func pagesAreGzippedAndTheLanguageSwitchIsRemembered() async throws {
        try await Self.withLangleySession { _, _, sessionID, browser in
            let plain = try await browser.request("/sessions/\(sessionID)")
            let zipped = try await browser.request("/sessions/\(sessionID)", gzip: true)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.bodyBytes < plain.bodyBytes / 2)
            let switched = try await browser.request("/sessions?lang=tr", language: "en")
            #expect(switched.body.contains("<html lang=\"tr\">"))
            let cookie = try #require(switched.headers[.setCookie])
            #expect(cookie.hasPrefix("trailbrake_lang=tr;"))
            let later = try await browser.request("/sessions", language: "en", extraCookie: "trailbrake_lang=tr")
            #expect(later.body.contains("Oturumlarınız"))
            #expect(later.body.contains("href=\"/sessions?lang=en\""))
        }
    }

    struct Report: Decodable { let theoretical_best: Double? }

    static func report(_ server: EndToEndServer, session: String) async throws -> Report {
        let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.get("/api/v1/sessions/\(session)/report", headers: [.authorization: "Bearer \(server.token)"])
        }
        return try JSONDecoder().decode(Report.self, from: Data(String(buffer: response.body ?? .init()).utf8))
    }

    /// The numbers in column `index` (0: distance) of a data table.
    static func column(_ index: Int, ofTable id: String, in html: String) -> [Double] {
        guard let start = html.range(of: "id=\"\(id)\""), let end = html[start.upperBound...].range(of: "</table>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst(2).compactMap { row in
            let cells = row.components(separatedBy: "<td>").dropFirst().map { $0.prefix { $0 != "<" } }
            return index - 1 < cells.count ? Double(cells[index - 1].replacingOccurrences(of: ",", with: ".")) : nil
        }
    }
}
