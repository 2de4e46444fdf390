import Foundation
import Testing

@testable import WebPages

struct LapPageRenderTests {
    let renderer: WebPageRenderer

    init() throws { renderer = try WebPageRenderer() }

    static func chrome(_ language: WebLanguage) -> PageChrome {
        PageChrome(language: language, path: "/laps/7", driverName: "alice", csrfToken: "csrf-token-value")
    }

    /// The number in `data-points="N"` of each chart section, by id.
    static func points(in html: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for part in html.components(separatedBy: "<section class=\"chart-block\" id=\"").dropFirst() {
            let id = String(part.prefix { $0 != "\"" })
            guard let range = part.range(of: "data-points=\"") else { continue }
            result[id] = Int(part[range.upperBound...].prefix { $0 != "\"" })
        }
        return result
    }

    @Test func aFiveKilometreLapHasSixSimplifiedChartsWithTablesAndCornerMarkers() {
        let html = renderer.lap(PageFixtures.lapInput(), chrome: Self.chrome(.english))
        let points = Self.points(in: html)
        #expect(Set(points.keys) == ["delta", "speed", "throttle", "brake", "gear", "steering"])
        for (id, count) in points {
            #expect(count >= 4, "\(id) draws a line")
            #expect(count <= 2 * 4 * 801, "\(id): two series of at most four points per column, got \(count)")
        }
        // Speed bends at every braking zone (ten, both laps); a step trace (gear) needs few points.
        #expect((points["speed"] ?? 0) > 60)
        #expect((points["gear"] ?? .max) < 200)
        #expect(html.components(separatedBy: "<line class=\"corner\"").count - 1 == 6 * 10, "ten corners on each chart")
        #expect(html.contains(">Paddock &lt;Hill&gt;</text>"), "corner names are escaped")
        #expect(html.components(separatedBy: "<table class=\"data\"").count - 1 == 6, "a table alternative per chart")
        #expect(html.contains("<th scope=\"row\">2500</th>"), "table rows every 50 m")
        #expect(html.contains("id=\"lap-time\">2:03.457<"))
        #expect(html.contains("id=\"lap-delta\">+0.432<"))
        #expect(html.contains("name=\"csrf\" value=\"csrf-token-value\""), "the sign-out form carries its token")
        #expect(html.utf8.count < 400_000, "page is \(html.utf8.count) bytes")
    }

    @Test func aLapWithoutReferenceIsDrawnAloneAndSaysSo() {
        let html = renderer.lap(PageFixtures.lapInput(withReference: false), chrome: Self.chrome(.english))
        #expect(!html.contains("id=\"delta\""))
        #expect(html.contains("This session had no reference"))
        #expect(!html.contains("class=\"ref\""))
    }

    @Test func compareTitlesBothLaps() {
        let html = renderer.lap(PageFixtures.lapInput(kind: .compare(lapA: 3)), chrome: Self.chrome(.english))
        #expect(html.contains("<h1>Lap 3 against lap 7</h1>"))
        let turkish = renderer.lap(PageFixtures.lapInput(kind: .compare(lapA: 3)), chrome: Self.chrome(.turkish))
        #expect(turkish.contains("<h1>Tur 7 ile tur 3 karşılaştırması</h1>"))
    }

    @Test func turkishPagesCarryNoEnglishString() {
        let pages = [
            renderer.lap(PageFixtures.lapInput(), chrome: Self.chrome(.turkish)),
            renderer.lap(PageFixtures.lapInput(withReference: false), chrome: Self.chrome(.turkish)),
            renderer.notice(.notFound, chrome: Self.chrome(.turkish)),
            renderer.notice(.signIn, chrome: PageChrome(language: .turkish, path: "/sessions")),
        ]
        let english = Self.strings(.english), turkish = Set(Self.strings(.turkish))
        // The switch link names English in English on purpose (marked lang="en").
        let words = english.filter { $0.count >= 3 && !turkish.contains($0) && $0 != "English" }
        #expect(words.count > 50)
        for page in pages {
            #expect(page.contains("<html lang=\"tr\">"))
            for word in words { #expect(!page.contains(">\(word)<") && !page.contains(" \(word) "), "English \"\(word)\" on a Turkish page") }
        }
        #expect(pages[0].contains("Referansa göre fark (sn)"))
        #expect(pages[0].contains("id=\"lap-time\">2:03,457<"), "Turkish decimal comma")
    }

    static func strings(_ language: WebLanguage) -> [String] {
        Mirror(reflecting: language.strings).children.compactMap { $0.value as? String }
    }
}
