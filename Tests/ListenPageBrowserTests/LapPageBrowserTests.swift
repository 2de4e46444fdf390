import Foundation
import LoadTesting
import Synchronization
import Testing

/// The lap page in a real browser: the demo laps (Brands Hatch GP, about 3.9 km, against the
/// shipped reference) coached by the real server as fast as it acknowledges, then a browser
/// signed in with a login link opens the session and a valid lap. The DOM must show the lap time
/// the session page lists, every chart with a line, corner markers and tables; a screenshot of
/// the speed chart must show the lap's and the reference's colours (not a blank box).
@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed (scripts/install-browser-test-deps.sh installs it)"))
struct LapPageBrowserTests {
    @Test func theLapPageDrawsTheLapAgainstItsReference() async throws {
        let laps = try DemoLap.load(referenceDirectory: ListenPageServer.referenceLaps)
        try await ListenPageServer.with { server in
            try await Self.driveTwoTimedLaps(laps, to: server)

            let browser = try await Chromium.launch()
            defer { browser.terminate() }
            // Which step was running when something threw (as in ListenPageBrowserTests).
            let step = Mutex("signing in")
            do {
                try await DevToolsClient.connect(url: browser.devToolsURL) { devTools in
                    let page = try await BrowserPage.open(devTools)
                    try await page.resize(width: 1280, height: 900, mobile: false)
                    try await page.navigate(try await server.loginLink())
                    try await page.waitUntil("location.pathname === '/listen' && document.querySelector('.signout')", "signed in")
                    step.withLock { $0 = "checking the lap page" }
                    try await Self.checkLapPage(page, server: server, devTools: devTools)
                    step.withLock { $0 = "closing the DevTools connection" }
                }
                step.withLock { $0 = "stopping the browser and the server" }
            } catch {
                Issue.record("failed while \(step.withLock { $0 }): \(String(reflecting: error)); chromium said: \(browser.diagnostics.suffix(2_000))")
                throw error
            }
        }
    }

    /// Replays the demo laps as fast as the server acknowledges, until the server has reported
    /// two timed laps (a lap is reported once stored); then the replay is stopped rather than
    /// left to idle until its deadline.
    static func driveTwoTimedLaps(_ laps: DriverLaps, to server: ListenPageServer) async throws {
        var options = LoadOptions(url: server.liveURL, tokens: [server.token])
        options.pacing = .asFastAsPossible(window: 8)
        let (stored, storedSignal) = AsyncStream.makeStream(of: Void.self)
        let timedLaps = Mutex(0), errors = Mutex<[String]>([])
        let replay = Task {
            _ = try await StreamReplay(options: options, laps: laps, clipsDirectory: nil).replay { event in
                switch event {
                case .lap(_, .some): if timedLaps.withLock({ $0 += 1; return $0 }) == 2 { storedSignal.finish() }
                case .error(let code, let message): errors.withLock { $0.append("\(code): \(message)") }
                default: break
                }
            }
        }
        let ended = Task {
            _ = try? await replay.value
            storedSignal.finish()
        }
        for await _ in stored {}
        replay.cancel()
        _ = await ended.value
        #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0 })")
        try #require(timedLaps.withLock { $0 } >= 2, "the replay must be coached through two timed laps")
    }

    static func checkLapPage(_ page: BrowserPage, server: ListenPageServer, devTools: DevToolsClient) async throws {
        try await page.navigate(server.baseURL + "/sessions")
        try await page.waitUntil("document.querySelector('#sessions tbody a')", "the session list")
        let sessionPath = try #require(try await page.evaluate("document.querySelector('#sessions tbody a').getAttribute('href')").string)
        try await page.navigate(server.baseURL + sessionPath)
        try await page.waitUntil("document.querySelector('#laps')", "the session page")
        // The first valid lap: its id and the time the session page lists for it.
        let row = try await page.evaluate("""
            (() => { const row = [...document.querySelectorAll('#laps tbody tr')].find((r) => r.querySelector('.status').textContent === 'Valid');
              return row ? [row.querySelector('a').getAttribute('href'), row.querySelector('.lap-time').textContent] : null; })()
            """)
        let lapPath = try #require(row.array?.first?.string, "a valid lap is listed")
        let listedTime = try #require(row.array?.last?.string)
        try await page.navigate(server.baseURL + lapPath)
        try await page.waitUntil("document.querySelector('#charts svg')", "the lap page")

        #expect(try await page.evaluate("document.getElementById('lap-time').textContent").string == listedTime)
        let charts = try await page.evaluate("[...document.querySelectorAll('#charts section')].map((s) => s.id)")
        #expect(charts == ["delta", "speed", "throttle", "brake", "gear", "steering"])
        // Every chart draws the lap (and, but for the delta, the reference) with points along the whole lap.
        let paths = try await page.evaluate("""
            [...document.querySelectorAll('#charts svg')].map((svg) => [...svg.querySelectorAll('path')].map((p) => {
              const box = p.getBBox(); return [p.getAttribute('class'), p.getTotalLength() > 0 ? box.width : 0]; }))
            """)
        for (index, chart) in (paths.array ?? []).enumerated() {
            let lines = chart.array ?? []
            #expect(lines.count == (index == 0 ? 1 : 2), "chart \(index): \(chart)")
            for line in lines { #expect((line.array?.last?.number ?? 0) > 700, "chart \(index) spans the lap: \(line)") }
        }
        let corners = try await page.evaluate("document.querySelectorAll('#corners tbody tr').length").number ?? 0
        #expect(corners >= 5, "Brands Hatch GP has corners")
        #expect(try await page.evaluate("document.querySelectorAll('#delta text.corner-label').length").number == corners)
        #expect(try await page.evaluate("document.querySelectorAll('#speed-table tbody tr').length").number ?? 0 > 50)

        try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("lap-desktop.png"))
        let counts = try await Self.chartColours(page, devTools: devTools, selector: "#speed svg")
        #expect((counts["lap"] ?? 0) > 500, "the lap's colour in the speed chart's screenshot: \(counts)")
        // The reference is drawn under the lap: it shows only where the demo lap's mistakes part them.
        #expect((counts["ref"] ?? 0) > 20, "the reference's colour in the speed chart's screenshot: \(counts)")
    }

    /// A screenshot of one chart, its pixels counted by colour in a blank tab (the pages' CSP
    /// allows no `data:` images): `lap` #ffb020 and `ref` #6ab0ff, each within a small distance.
    static func chartColours(_ page: BrowserPage, devTools: DevToolsClient, selector: String) async throws -> [String: Double] {
        let box = try await page.evaluate("""
            (() => { const e = document.querySelector('\(selector)'); e.scrollIntoView(); const r = e.getBoundingClientRect();
              return [r.x + window.scrollX, r.y + window.scrollY, r.width, r.height]; })()
            """)
        let values = (box.array ?? []).compactMap(\.number)
        try #require(values.count == 4 && values[2] > 100 && values[3] > 50, "the chart has a size: \(box)")
        let shot = try await page.call("Page.captureScreenshot", [
            "format": "png",
            "clip": ["x": .number(values[0]), "y": .number(values[1]), "width": .number(values[2]), "height": .number(values[3]), "scale": 1],
        ])
        let base64 = try #require(shot["data"]?.string)
        try Data(base64Encoded: base64)?.write(to: ListenPageBrowserTests.screenshots.appendingPathComponent("lap-speed-chart.png"))
        let blank = try await BrowserPage.open(devTools)
        let counts = try await blank.evaluate("""
            new Promise((resolve) => { const image = new Image(); image.onload = () => {
              const canvas = document.createElement('canvas'); canvas.width = image.width; canvas.height = image.height;
              const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data; let lap = 0, ref = 0;
              const near = (i, r, g, b) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60;
              for (let i = 0; i < data.length; i += 4) { if (near(i, 255, 176, 32)) lap++; else if (near(i, 106, 176, 255)) ref++; }
              resolve({ lap, ref, width: image.width, height: image.height }); };
              image.src = 'data:image/png;base64,\(base64)'; })
            """)
        var result: [String: Double] = [:]
        for key in ["lap", "ref", "width", "height"] { result[key] = counts[key]?.number }
        return result
    }
}
