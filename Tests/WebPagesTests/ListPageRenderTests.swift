import Foundation
import Testing

@testable import WebPages

struct ListPageRenderTests {
    let renderer: WebPageRenderer

    init() throws { renderer = try WebPageRenderer() }

    static let started = Date(timeIntervalSince1970: 1_432_824_383)

    @Test func sessionsListShowsEachSessionAndTheNextPage() {
        let input = SessionsPageInput(
            items: [
                .init(id: "s-1", track: "Langley <Speedway>", car: "SK Modified", startedAt: Self.started,
                      referenceReason: "shipped_track_and_car", bestLap: 15.0998, validLaps: 2),
                .init(id: "s-2", track: "Monza", car: "GT3", startedAt: Self.started, referenceReason: "none", bestLap: nil, validLaps: 0),
            ], nextCursor: "p2s", isFirstPage: true)
        let html = renderer.sessions(input, chrome: PageChrome(language: .english, path: "/sessions", driverName: "a", csrfToken: "t"))
        #expect(html.contains("<a href=\"/sessions/s-1\">"))
        #expect(html.contains("Langley &lt;Speedway&gt;"))
        #expect(html.contains("<td class=\"num best-lap\">15.100</td>"))
        #expect(html.contains("Reference for this track and car"))
        #expect(html.contains("<td class=\"num best-lap\">–</td>"))
        #expect(html.contains("href=\"/sessions?cursor=p2s\""))
        #expect(!html.contains("Newest sessions"), "the first page links no newer page")
        #expect(html.contains("href=\"/sessions?lang=tr\""))
    }

    @Test func anEmptyListSaysHowSessionsAppear() {
        let html = renderer.sessions(.init(items: [], nextCursor: nil, isFirstPage: true), chrome: PageChrome(language: .turkish, path: "/sessions"))
        #expect(html.contains("Henüz oturum yok"))
        #expect(!html.contains("<table"))
        #expect(!html.contains("action=\"/listen/logout\""), "no sign-out form for a browser not signed in")
    }

    @Test func sessionPageMarksTheBestLapAndListsTheCostliestCorners() {
        let input = SessionPageInput(
            id: "s-1", track: "Langley", car: "SK Modified", startedAt: Self.started, referenceReason: "driver_best",
            laps: [
                .init(id: 10, number: 173, lapTime: nil, deltaToReference: nil, isValid: false, invalidReason: "out_lap"),
                .init(id: 11, number: 174, lapTime: 15.1867, deltaToReference: 0.0869, isValid: true, invalidReason: nil),
                .init(id: 12, number: 175, lapTime: 15.0998, deltaToReference: 0, isValid: true, invalidReason: nil),
            ], bestLapNumber: 175, bestLapTime: 15.0998, theoreticalBest: 15.05,
            costliestCorners: [.init(corner: 2, name: nil, seconds: 0.061), .init(corner: 1, name: "North", seconds: 0.02)])
        let english = renderer.session(input, chrome: PageChrome(language: .english, path: "/sessions/s-1"))
        #expect(english.contains("<tr data-lap=\"175\" class=\"best\">"))
        #expect(english.contains("<td class=\"status\">Out-lap</td>"))
        #expect(english.contains("<td class=\"num lap-delta\">+0.087</td>"))
        #expect(english.contains("id=\"theoretical-best\">15.050<"))
        #expect(english.contains("<span class=\"corner-name\">Turn 2</span>: <span class=\"num\">0.061 s</span>"))
        #expect(english.contains("href=\"/laps/compare?a=12&amp;b=11\""), "each other timed lap links to a comparison with the best")
        let turkish = renderer.session(input, chrome: PageChrome(language: .turkish, path: "/sessions/s-1"))
        #expect(turkish.contains("<td class=\"status\">Çıkış turu</td>"))
        #expect(turkish.contains("<span class=\"corner-name\">Viraj 2</span>: <span class=\"num\">0,061 sn</span>"))
    }
}
