import Testing

@testable import WebPages

/// Zoom to a corner (`?corner=N`): every chart and its table show only the corner's window, the
/// corner labels and a list of links lead to each corner's zoom (links: keyboard and no script),
/// and the whole lap is one link away.
struct ZoomRenderTests {
    let renderer = try! WebPageRenderer()

    /// The distances (first column) of a chart's table.
    static func distances(ofTable id: String, in html: String) -> [Double] {
        guard let start = html.range(of: "id=\"\(id)\""), let end = html[start.upperBound...].range(of: "</table>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<th scope=\"row\">").dropFirst().compactMap {
            Double($0.prefix { $0 != "<" })
        }
    }

    @Test func aZoomedLapShowsOnlyTheCornersWindowWithLinksToEveryCornerAndTheWholeLap() throws {
        var input = PageFixtures.lapInput()
        let corner = try #require(input.corners.dropFirst().first)
        input.zoomCorner = corner.number
        let chrome = PageChrome(language: .english, path: "/laps/7?corner=\(corner.number)", driverName: "alice", csrfToken: "t")
        let html = renderer.lap(input, chrome: chrome)
        let from = (corner.brakePoint ?? 0) - ZoomWindow.margin, to = (corner.apexDistance ?? 0) + 2 * ZoomWindow.margin
        let rows = Self.distances(ofTable: "speed-table", in: html)
        #expect(rows.count > 20)
        #expect(rows.allSatisfy { $0 >= from && $0 <= to }, "\(rows.first ?? -1)...\(rows.last ?? -1) outside \(from)...\(to)")
        #expect(html.contains("id=\"zoomed\""))
        #expect(html.contains("<a href=\"/laps/7\" id=\"whole-lap\">Whole lap</a>"))
        for mark in input.corners { #expect(html.contains("<a href=\"/laps/7?corner=\(mark.number)\" data-zoom=\"\(mark.number)\"")) }
        #expect(html.contains("data-zoom=\"\(corner.number)\" aria-current=\"true\""))
        #expect(html.contains("<a href=\"/laps/7?corner=\(corner.number)\" class=\"corner-zoom\">"), "the corner's label is a link too")

        let whole = renderer.lap(PageFixtures.lapInput(), chrome: PageChrome(language: .english, path: "/laps/7", driverName: "alice", csrfToken: "t"))
        #expect(Self.distances(ofTable: "speed-table", in: whole).first == 0)
        #expect((Self.distances(ofTable: "speed-table", in: whole).last ?? 0) >= 4_900)
        #expect(!whole.contains("id=\"whole-lap\""))
    }

    @Test func compareKeepsItsLapsInTheZoomLinksAndAnUnknownCornerShowsTheWholeLap() {
        var input = PageFixtures.lapInput(kind: .compare(lapA: 3))
        input.zoomCorner = 999
        let html = renderer.lap(input, chrome: PageChrome(language: .english, path: "/laps/compare?a=3&b=7&corner=999", driverName: "alice", csrfToken: "t"))
        #expect(html.contains("<a href=\"/laps/compare?a=3&amp;b=7&amp;corner=1\" data-zoom=\"1\""))
        #expect(!html.contains("id=\"zoomed\""))
        #expect(Self.distances(ofTable: "speed-table", in: html).first == 0)
    }
}
