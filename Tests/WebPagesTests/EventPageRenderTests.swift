import Foundation
import Testing

@testable import WebPages

/// The team event pages' words in both languages (every one translated, but the racing loanword
/// "Stint"), a Turkish page with no English left on it, and the marking form only for a driver
/// who signed up, carrying the page's CSRF token.
@Suite struct EventPageRenderTests {
    static let start = Date(timeIntervalSince1970: 1_907_841_600)

    private func input(signedUp: Bool) -> EventPageInput {
        let event = EventsPageInput.Event(
            guildID: "1", eventID: 3, name: "Spa 24", track: "Spa", start: Self.start, lengthMinutes: 120, signedUp: signedUp)
        return EventPageInput(
            event: event, version: 2, captains: [(car: "Car 1", name: "Ana")],
            stints: [
                .init(car: "Car 1", number: 1, start: Self.start, end: Self.start.addingTimeInterval(3_600), driver: "Ana", spotter: "Ben", mine: true),
                .init(car: "Car 1", number: 2, start: Self.start.addingTimeInterval(3_600), end: Self.start.addingTimeInterval(7_200),
                      driver: "Ben", spotter: nil, mine: false),
            ],
            signUpZone: signedUp ? "Europe/Istanbul" : nil,
            marked: signedUp ? [.init(start: Self.start, end: Self.start.addingTimeInterval(10_800), preferred: false)] : [], outcome: .marked)
    }

    @Test func everyWordIsTranslated() {
        let english = Mirror(reflecting: EventStrings.english).children.compactMap { $0.value as? String }
        let turkish = Mirror(reflecting: EventStrings.turkish).children.compactMap { $0.value as? String }
        #expect(english.count == turkish.count && english.count > 30)
        for (en, tr) in zip(english, turkish) where en != "Stint" { #expect(en != tr, "untranslated: \(en)") }
    }

    @Test func everyBroadcastWordIsTranslated() {
        let english = Mirror(reflecting: BroadcastStrings.english).children.compactMap { $0.value as? String }
        let turkish = Mirror(reflecting: BroadcastStrings.turkish).children.compactMap { $0.value as? String }
        #expect(english.count == turkish.count && english.count == 18)
        for (en, tr) in zip(english, turkish) { #expect(en != tr, "untranslated: \(en)") }
        #expect(english.filter { $0.contains("{max}") }.count == turkish.filter { $0.contains("{max}") }.count)
    }

    @Test func aTurkishPageHasNoEnglishAndTheFormOnlyForASignedUpDriver() throws {
        let renderer = try WebPageRenderer()
        let chrome = PageChrome(
            language: .turkish, timeZone: TimeZone(identifier: "Europe/Istanbul")!, path: "/events/1/3", driverName: "ana", csrfToken: "tok")
        let page = renderer.event(input(signedUp: true), chrome: chrome)
        for word in Mirror(reflecting: EventStrings.english).children.compactMap({ $0.value as? String }) where word.count >= 4 && word != "Stint" {
            // As text (an attribute such as name="preferred" is not read by anyone).
            #expect(!page.contains(">\(word)") && !page.contains(" \(word) ") && !page.contains("(\(word))"), "English \"\(word)\" on a Turkish page")
        }
        #expect(page.contains(#"<tr class="mine"><td>16 Haz 2030 15:00–16:00</td><td>Car 1</td><td class="num">1</td><td>Ana</td><td>Ben</td></tr>"#))
        #expect(page.contains(#"<form method="post" action="/events/1/3/available" id="mark-hours">"#))
        #expect(page.contains(#"<input type="hidden" name="csrf" value="tok">"#) && page.contains("İşaretlendi."))
        let guest = renderer.event(input(signedUp: false), chrome: chrome)
        #expect(!guest.contains("mark-hours") && guest.contains("/event signup"))
        #expect(!page.contains(#"id="broadcast""#), "the broadcast form is an admin's only")
        var admin = input(signedUp: true)
        admin.broadcast = EventBroadcastPanel(
            cars: [(id: "car1", name: "Car 1")], maxLength: 40,
            recent: [.init(id: 1, audience: "Spa 24 pilotları", delivered: 2, waiting: 0, closed: ["Cem"])], outcome: .queued(id: 1, recipients: 3))
        let adminPage = renderer.event(admin, chrome: chrome)
        #expect(adminPage.contains(#"<form method="post" action="/events/1/3/broadcast" id="broadcast">"#))
        #expect(adminPage.contains(#"<option value="car:car1">Ekibi: Car 1</option>"#) && adminPage.contains(#"maxlength="40""#))
        #expect(adminPage.contains("1 numaralı duyuru 3 kişi için sıraya alındı.") && adminPage.contains("DM&#39;leri kapalı (iletilmedi): Cem"))
        for word in Mirror(reflecting: BroadcastStrings.english).children.compactMap({ $0.value as? String }) where word.count >= 4 {
            #expect(!adminPage.contains(">\(word)") && !adminPage.contains(" \(word) "), "English \"\(word)\" on a Turkish page")
        }
        let list = renderer.events(EventsPageInput(events: []), chrome: chrome)
        #expect(list.contains("Takımlarınızın henüz bir etkinliği yok."))
    }
}
