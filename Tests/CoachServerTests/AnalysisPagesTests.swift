import Foundation
import HummingbirdTesting
import Storage
import Testing

@testable import CoachServer

/// The corners and cues pages of the real Langley session, checked against the REST API's lap
/// details, the stored cues and `/advice` (what the pages must show, read independently).
@Suite(.enabled(if: EndToEndLangleyRecording.directory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct AnalysisPagesTests {
    @Test func cornersPageShowsEveryCornerLapByLapAsTheLapDetailsSayWithATrendChartAndTable() async throws {
        try await DriverPagesTests.withLangleySession { server, _, sessionID, browser in
            let session = try await browser.request("/sessions/\(sessionID)")
            #expect(session.body.contains("<a href=\"/sessions/\(sessionID)/corners\" id=\"corners-link\">Corners</a>"))
            #expect(session.body.contains("<a href=\"/sessions/\(sessionID)/cues\" id=\"cues-link\">Cues</a>"))
            let page = try await browser.request("/sessions/\(sessionID)/corners")
            #expect(page.status == .ok)
            let reader = StorageBackedReader(database: server.database)
            let lapID = try #require(session.lapID(174))
            let detail = try #require(try await reader.lap(lapID, driverID: server.driverID))
            #expect(detail.corners.count >= 2)
            for corner in detail.corners {
                let block = try #require(Self.section(corner.corner, in: page.body), "corner \(corner.corner) has a block")
                let row = try #require(Self.row(lap: 174, in: block))
                #expect(row.contains("<td class=\"num brake-point\">\(corner.brakePoint.map { String(format: "%.0f", $0) } ?? "–")</td>"), "\(row)")
                #expect(row.contains("<td class=\"num minimum-speed\">\(corner.minimumSpeed.map { String(format: "%.1f", $0) } ?? "–")</td>"), "\(row)")
                let lost = try #require(corner.versusReference.timeDelta)
                #expect(row.contains("<td class=\"num time-lost\">\(lost >= 0 ? "+" : "-")\(String(format: "%.3f", abs(lost)))</td>"), "\(row)")
                #expect(block.contains("<svg class=\"trend\" id=\"trend-\(corner.corner)\""), "a trend chart")
                #expect(block.contains("id=\"trend-table-\(corner.corner)\""), "with its table")
            }
            let turkish = try await browser.request("/sessions/\(sessionID)/corners", language: "tr")
            #expect(turkish.body.contains("<h1>Virajlar</h1>"))
            #expect(!turkish.body.contains("Brake point") && !turkish.body.contains("Time lost"))
        }
    }

    @Test func cuesPageListsEveryStoredCueWithWhereItWasSaidAndItsAdviceOutcome() async throws {
        try await DriverPagesTests.withLangleySession { server, _, sessionID, browser in
            let page = try await browser.request("/sessions/\(sessionID)/cues")
            #expect(page.status == .ok)
            let stored = try await SessionRepository(database: server.database).cues(sessionID: sessionID, driverID: server.driverID)
            #expect(!stored.isEmpty, "the real session has cues")
            let advice = try #require(try await StorageBackedReader(database: server.database).advice(sessionID: sessionID, driverID: server.driverID))
            for record in stored {
                let row = try #require(Self.cueRow(record.cue.id, in: page.body), "cue \(record.cue.id) listed")
                #expect(row.contains("<td class=\"cue-text\">\(record.cue.text)</td>"), "\(row)")
                let said = try #require(record.cue.saidDistance, "where it was said is stored")
                #expect(row.contains("<td class=\"num said-at\">\(String(format: "%.0f", said))</td>"), "\(row)")
                if let deadline = record.cue.deadlineDistance {
                    #expect(row.contains("<td class=\"num deadline\">\(String(format: "%.0f", deadline))</td>"))
                }
                let outcome = advice.outcomes.first { $0.cueID == record.cue.id }
                let expected = outcome.map { $0.worked ? "improved" : "did not improve" } ?? "not judged yet"
                #expect(row.contains(">\(expected)</td>"), "\(row)")
            }
            #expect(try await browser.request("/sessions/nope/cues").status == .notFound)
        }
    }

    @Test func anotherDriversCornersAndCuesPagesAreNotFound() async throws {
        try await DriverPagesTests.withLangleySession { server, _, sessionID, _ in
            let bob = try await server.addDriver(named: "bob")
            let other = try await DriverPagesBrowser.signIn(server, driverID: bob.id)
            #expect(try await other.request("/sessions/\(sessionID)/corners").status == .notFound)
            #expect(try await other.request("/sessions/\(sessionID)/cues").status == .notFound)
        }
    }

    @Test func aLapZoomedToACornerShowsOnlyThatCornersWindowAsTheLapDetailPlacesIt() async throws {
        try await DriverPagesTests.withLangleySession { server, _, sessionID, browser in
            let session = try await browser.request("/sessions/\(sessionID)")
            let lapID = try #require(session.lapID(174))
            let detail = try #require(try await StorageBackedReader(database: server.database).lap(lapID, driverID: server.driverID))
            let corner = try #require(detail.corners.last)
            let page = try await browser.request("/laps/\(lapID)?corner=\(corner.corner)")
            #expect(page.status == .ok)
            let from = try #require([corner.brakePoint, corner.startDistance].compactMap { $0 }.min()) - 100
            let to = try #require(corner.endDistance) + 100
            let rows = ZoomTable.distances(ofTable: "speed-table", in: page.body)
            #expect(rows.count > 10)
            #expect(rows.allSatisfy { $0 >= from - 1 && $0 <= to + 1 }, "\(rows.first ?? -1)...\(rows.last ?? -1) outside \(from)...\(to)")
            let whole = try await browser.request("/laps/\(lapID)")
            #expect(ZoomTable.distances(ofTable: "speed-table", in: whole.body).first == 0 && (rows.first ?? 0) > 0, "the whole lap starts at the line")
            #expect(page.body.contains("<a href=\"/laps/\(lapID)\" id=\"whole-lap\">"))
            // The language switch keeps the zoom.
            #expect(page.body.contains("href=\"/laps/\(lapID)?corner=\(corner.corner)&amp;lang=tr\""))
        }
    }

    static func section(_ corner: Int, in html: String) -> String? {
        guard let start = html.range(of: "<section class=\"corner-block\" id=\"corner-\(corner)\""),
            let end = html[start.upperBound...].range(of: "</section>")
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func row(lap: Int, in html: String) -> String? {
        guard let start = html.range(of: "<tr data-lap=\"\(lap)\""), let end = html[start.upperBound...].range(of: "</tr>") else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func cueRow(_ id: UInt64, in html: String) -> String? {
        guard let start = html.range(of: "<tr data-cue=\"\(id)\">"), let end = html[start.upperBound...].range(of: "</tr>") else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}

enum ZoomTable {
    /// The distances (row headers) of a chart's table.
    static func distances(ofTable id: String, in html: String) -> [Double] {
        guard let start = html.range(of: "id=\"\(id)\""), let end = html[start.upperBound...].range(of: "</table>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<th scope=\"row\">").dropFirst().compactMap {
            Double($0.prefix { $0 != "<" })
        }
    }
}
