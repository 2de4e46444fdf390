import Foundation
import Testing

@testable import WebPages

/// `/team` rendered: the live panel each script fills, the message form with its CSRF token and
/// length limit, the message log with sender and outcome, and Turkish without English words.
struct TeamPageRenderTests {
    let renderer = try! WebPageRenderer()

    static func input(outcome: TeamPageInput.Outcome? = nil) -> TeamPageInput {
        TeamPageInput(
            drivers: [.init(id: 4, name: "ana", team: "900", laps: [.init(id: 11, number: 7, time: 83.456, valid: true)])],
            messages: [
                .init(driverName: "ana", sender: "engineer", text: "box this lap", sentAt: Date(timeIntervalSince1970: 1_800_000_000),
                      outcome: .said(lap: 7, distance: 494.5)),
                .init(driverName: "ana", sender: "engineer", text: "push", sentAt: Date(timeIntervalSince1970: 1_800_000_100), outcome: .notSaid),
            ],
            outcome: outcome, maxLength: 120)
    }

    static func chrome(_ language: WebLanguage) -> PageChrome {
        PageChrome(language: language, path: "/team", driverName: "engineer", csrfToken: "csrf-token-value")
    }

    @Test func driversHaveALivePanelLapsAndAFormAndMessagesShowTheirSender() {
        let html = renderer.team(Self.input(outcome: .tooLong(max: 120)), chrome: Self.chrome(.english))
        #expect(html.contains("data-live-driver=\"4\""))
        #expect(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-value\"><input type=\"hidden\" name=\"driver\" value=\"4\">"))
        #expect(html.contains("maxlength=\"120\""))
        #expect(html.contains("<td class=\"num lap-time\">1:23.456</td>"))
        #expect(html.contains("<td class=\"sender\">engineer</td>"))
        #expect(html.contains("<td class=\"outcome\">said · lap 7 at 494 m</td>") || html.contains("<td class=\"outcome\">said · lap 7 at 495 m</td>"))
        #expect(html.contains("data-code=\"message_too_long\""))
        #expect(html.contains("The message is too long: at most 120 characters."))
        #expect(renderer.team(TeamPageInput(drivers: [], messages: [], outcome: nil, maxLength: 120), chrome: Self.chrome(.english))
            .contains("id=\"team-empty\""))
    }

    @Test func turkishTeamPageCarriesNoEnglishString() {
        let page = renderer.team(Self.input(outcome: .driverBusy(waiting: 3)), chrome: Self.chrome(.turkish))
        let english = Self.strings(TeamStrings.english) + LapPageRenderTests.strings(.english)
        let turkish = Set(Self.strings(TeamStrings.turkish) + LapPageRenderTests.strings(.turkish))
        let words = english.filter { $0.count >= 3 && !turkish.contains($0) && $0 != "English" }
        #expect(words.count > 70)
        #expect(page.contains("<html lang=\"tr\">"))
        for word in words {
            #expect(!page.contains(">\(word)<") && !page.contains(" \(word) ") && !page.contains("\"\(word)\""), "English \"\(word)\" on a Turkish page")
        }
        #expect(page.contains("Bu sürücü için zaten 3 mesaj bekliyor."))
    }

    static func strings(_ strings: TeamStrings) -> [String] {
        Mirror(reflecting: strings).children.compactMap { $0.value as? String }
    }
}
