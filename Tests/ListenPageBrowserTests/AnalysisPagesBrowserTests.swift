import CoachServer
import Coaching
import Logging
import ServerSettings
import Telemetry
import Foundation
import LoadTesting
import ServerTestSupport
import Storage
import Synchronization
import Testing
import TestSupport

/// The corners, cues, zoomed lap and team pages in Chromium on the real Langley recording
/// (replayed through the real coach as fast as the server acknowledges, coached against the
/// driver's own best lap): the DOM shows every corner lap by lap with a drawn trend, every cue
/// with where it was said, the zoom link works from the keyboard, a team member sees the driver;
/// their text meets WCAG AA in both languages and the Turkish pages carry no English words.
@Suite(
    .enabled(if: Chromium.executable != nil, "chromium is not installed (scripts/install-browser-test-deps.sh installs it)"),
    .enabled(if: LangleyRecording.file != nil, "needs ../shared/data (absent): the Langley .ibt"))
struct AnalysisPagesBrowserTests {
    static var langley: URL? { LangleyRecording.file }
    /// English words of the new pages that a Turkish page must not show.
    static let englishWords = [
        "Corners", "Brake point", "Minimum speed", "Throttle pick-up", "Time lost", "Trend", "per lap", "Said at", "Deadline",
        "improved", "not judged yet", "Zoom to a corner", "Whole lap", "Team", "Message to the driver", "Send", "Last laps",
    ]

    @Test func cornersCuesZoomAndTeamPagesOnTheRealLangleySession() async throws {
        let laps = try LapSource.ibt(try #require(Self.langley)).load(seed: 0)
        let library = try LangleyRecording.library(laps)
        // Coached against the recording's own fastest lap, as a shipped reference would be.
        try await ListenPageServer.with(wire: { dependencies, database in
            var logger = Logger(label: "analysis-pages")
            logger.logLevel = .warning
            dependencies = CoachServerDependencies.storageBacked(
                database: database, library: library, coaching: ServerConfiguration().coaching, logger: logger)
        }) { server in
            try await Self.replay(laps, to: server)
            let team = try await TeamFixture.make(on: server.database, sharing: server.driverID)
            let browser = try await Chromium.launch()
            defer { browser.terminate() }
            let step = Mutex("signing in")
            do {
                try await DevToolsClient.connect(url: browser.devToolsURL) { devTools in
                    let page = try await BrowserPage.open(devTools)
                    try await page.resize(width: 1280, height: 900, mobile: false)
                    try await page.navigate(try await server.loginLink())
                    try await page.waitUntil("location.pathname === '/listen' && document.querySelector('.signout')", "signed in")
                    try await page.navigate(server.baseURL + "/sessions")
                    try await page.waitUntil("document.querySelector('#sessions tbody a')", "the session list")
                    let session = try #require(try await page.evaluate("document.querySelector('#sessions tbody a').getAttribute('href')").string)

                    step.withLock { $0 = "the corners page" }
                    try await page.navigate(server.baseURL + session)
                    try await page.waitUntil("document.querySelector('#corners-link')", "the session page")
                    try await page.tap("#corners-link")
                    try await page.waitUntil("location.pathname.endsWith('/corners') && document.readyState === 'complete'", "the corners page")
                    let blocks = try await page.evaluate("""
                        [...document.querySelectorAll('.corner-block')].map((b) => [b.dataset.corner, b.querySelectorAll('tbody tr[data-lap]').length,
                          b.querySelectorAll('svg.trend circle').length, b.querySelectorAll('details table tbody tr').length,
                          b.querySelector('svg.trend') ? b.querySelector('svg.trend').getBoundingClientRect().width : 0])
                        """).array ?? []
                    #expect(blocks.count >= 2, "Langley has two corners: \(blocks)")
                    for block in blocks {
                        let values = block.array ?? []
                        #expect((values[1].number ?? 0) >= 2, "each corner lists laps: \(block)")
                        #expect(values[2].number == values[3].number, "one dot per row of the chart's table: \(block)")
                        #expect((values[4].number ?? 0) > 100, "the trend chart is drawn: \(block)")
                    }
                    try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("corners.png"))

                    step.withLock { $0 = "the cues page" }
                    try await page.navigate(server.baseURL + session + "/cues")
                    try await page.waitUntil("document.querySelector('#cues, #cues-empty')", "the cues page")
                    let cues = try await page.evaluate("""
                        [...document.querySelectorAll('#cues tbody tr')].map((r) => [r.querySelector('.cue-text').textContent,
                          r.querySelector('.said-at').textContent, r.querySelector('.outcome').textContent])
                        """).array ?? []
                    #expect(!cues.isEmpty, "the real session was coached")
                    for cue in cues {
                        let cells = (cue.array ?? []).compactMap(\.string)
                        #expect(cells[0].hasPrefix("Turn "), "\(cells)")
                        #expect(Double(cells[1]) != nil, "where it was said: \(cells)")
                        #expect(["improved", "did not improve", "not judged yet"].contains(cells[2]), "\(cells)")
                    }

                    step.withLock { $0 = "zoom to a corner" }
                    try await page.navigate(server.baseURL + session)
                    try await page.waitUntil("document.querySelector('#laps')", "the session page")
                    let lap = try #require(try await page.evaluate("""
                        [...document.querySelectorAll('#laps tbody tr')].find((r) => r.querySelector('.status').textContent === 'Valid')
                          .querySelector('a').getAttribute('href')
                        """).string)
                    try await page.navigate(server.baseURL + lap)
                    try await page.waitUntil("document.querySelector('[data-zoom]')", "the lap page")
                    // From the keyboard: the link takes focus and Enter follows it.
                    _ = try await page.evaluate("document.querySelector('[data-zoom]').focus()")
                    #expect(try await page.evaluate("document.activeElement.dataset.zoom").string != nil)
                    _ = try await page.call("Input.dispatchKeyEvent", ["type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"])
                    _ = try await page.call("Input.dispatchKeyEvent", ["type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13])
                    try await page.waitUntil("location.search.includes('corner=') && document.querySelector('#whole-lap')", "the zoomed lap")
                    let rows = try await page.evaluate("[...document.querySelectorAll('#speed-table tbody th')].map((t) => +t.textContent)").array?.compactMap(\.number) ?? []
                    // Langley is 576 m: a corner's window is well under that.
                    #expect(rows.count > 10 && (rows.last ?? 0) - (rows.first ?? 0) < 400, "the zoomed table covers the corner: \(rows.first ?? -1)...\(rows.last ?? -1)")
                    try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("lap-zoomed.png"))
                    let zoomed = try await page.evaluate("location.pathname + location.search").string ?? lap

                    step.withLock { $0 = "contrast and Turkish" }
                    for path in [session + "/corners", session + "/cues", zoomed] {
                        for language in ["en", "tr"] {
                            let url = server.baseURL + path + (path.contains("?") ? "&" : "?") + "lang=\(language)"
                            try await ContrastBrowserTests.expectContrast(on: page, url, ready: "document.querySelector('#main h1')")
                            if language == "tr" { try await Self.expectNoEnglish(page, url) }
                        }
                    }

                    step.withLock { $0 = "the team page" }
                    let link = try await StorageBackedBrowserSessions(database: server.database).createLoginLink(driverID: team.engineerID, lifetime: 600)
                    _ = try await page.call("Network.clearBrowserCookies")
                    try await page.navigate(LoginLinkAddress.url(base: server.baseURL, secret: link.secret))
                    try await page.waitUntil("location.pathname === '/listen' && document.querySelector('.signout')", "the engineer signed in")
                    try await page.navigate(server.baseURL + "/team")
                    try await page.waitUntil("document.querySelector('[data-driver]')", "the team page")
                    #expect(try await page.evaluate("document.querySelector('[data-driver] h2').textContent").string?.hasPrefix("Ayrton") == true)
                    #expect(try await page.evaluate("document.querySelectorAll('[data-driver] .team-laps tbody tr').length").number ?? 0 >= 1)
                    try await ContrastBrowserTests.expectContrast(on: page, server.baseURL + "/team?lang=en", ready: "document.querySelector('[data-driver]')")
                    try await ContrastBrowserTests.expectContrast(on: page, server.baseURL + "/team?lang=tr", ready: "document.querySelector('[data-driver]')")
                    try await Self.expectNoEnglish(page, server.baseURL + "/team?lang=tr")
                    try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("team.png"))
                }
            } catch {
                Issue.record("failed while \(step.withLock { $0 }): \(String(reflecting: error)); chromium said: \(browser.diagnostics.suffix(2_000))")
                throw error
            }
        }
    }

    static func expectNoEnglish(_ page: BrowserPage, _ url: String) async throws {
        let text = try await page.evaluate("document.body.innerText").string ?? ""
        #expect(text.contains("Türkçe") || text.contains("Oturumlar"), "\(url) is the Turkish page")
        for word in englishWords { #expect(!text.contains(word), "English \"\(word)\" on \(url)") }
    }

    /// Replays the laps as fast as the server acknowledges, to the end.
    static func replay(_ laps: DriverLaps, to server: ListenPageServer) async throws {
        var options = LoadOptions(url: server.liveURL, tokens: [server.token])
        options.pacing = .asFastAsPossible(window: 8)
        let errors = Mutex<[String]>([])
        _ = try await StreamReplay(options: options, laps: laps, clipsDirectory: nil).replay { event in
            if case .error(let code, let message) = event { errors.withLock { $0.append("\(code): \(message)") } }
        }
        #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0 })")
    }
}

enum LangleyRecording {
    static let file = TestData.sharedDataDirectory?.appendingPathComponent("telemetry/rr_skmodified_langley_2015-05-28_14-46-23.ibt")

    /// A library holding the recording's fastest valid lap, on the 1 m grid, as its reference.
    static func library(_ laps: DriverLaps) throws -> ReferenceLibrary {
        var tracker = LapTracker(trackLength: laps.session.track.length)
        var completed: [LapRecord] = []
        for frame in laps.frames { for case .lapCompleted(let lap) in tracker.ingest(frame) where lap.isValid { completed.append(lap) } }
        let best = try #require(completed.filter { $0.lapTime != nil }.min { ($0.lapTime ?? 0) < ($1.lapTime ?? 0) })
        var track = laps.session.track
        track.length = tracker.lapLength
        let metadata = ReferenceLapMetadata(
            sim: laps.session.sim, track: track, car: laps.session.car, lapTime: best.lapTime ?? 0, source: "ibt:langley#\(best.lapNumber)",
            date: "2015-05-28")
        let reference = try ReferenceResampler.resample(
            lapFrames: best.frames, lapStartTime: best.startTime, lapEndTime: best.endTime, trackLength: tracker.lapLength, metadata: metadata)
        return ReferenceLibrary(entries: [.init(reference: reference, trackMap: nil)])
    }
}
