import Foundation
import LoadTesting
import Synchronization
import Testing

/// The listen page in a real browser (headless Chromium over DevTools): it refuses a browser
/// without a session, signs in through a real login link, and while the load tool's driver
/// replays the demo laps (voice on) it shows every cue and decodes every clip with the
/// browser's own Ogg Opus decoder. Each cue must be on screen within 200 ms (p99) of the batch
/// that triggered it: the page stamps when it showed the cue, the driver when it sent the batch,
/// both on the machine's wall clock.
@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed (scripts/install-browser-test-deps.sh installs it)"))
struct ListenPageBrowserTests {
    static let latencyBudgetMilliseconds = 200.0
    /// Where screenshots go: `TRAILBRAKE_SCREENSHOTS`, else a temporary directory.
    static let screenshots = URL(
        fileURLWithPath: ProcessInfo.processInfo.environment["TRAILBRAKE_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-screenshots").path)

    /// What the driver heard, with each cue's batch send time on the wall clock (milliseconds).
    struct Heard: Sendable {
        var cues: [(seq: UInt64, text: String, sentAt: Double)] = []
        var clips: [(cueID: UInt64, duration: Double)] = []
    }

    @Test func theListenPageShowsAndSpeaksEveryCueOfAReplayInTime() async throws {
        let laps = try DemoLap.load(referenceDirectory: ListenPageServer.referenceLaps)
        try await ListenPageServer.with { server in
            let browser = try await Chromium.launch()
            defer { browser.terminate() }
            // Which step was running when something threw: a rare bare CancellationError was once
            // seen at the end of a run under heavy load, with every check passed; this names the step.
            let step = Mutex("the first DevTools connection")
            do {
                try await DevToolsClient.connect(url: browser.devToolsURL) { devTools in
                    let page = try await BrowserPage.open(devTools)
                    try await page.resize(width: 390, height: 844, mobile: true)
                    try await Self.checkSignedOut(page, server: server)
                    try await Self.signIn(page, server: server)
                    async let replayed = Self.replay(laps, to: server)
                    // Screenshots mid-replay, once a few cues are on the page.
                    try await page.waitUntil(
                        "document.querySelectorAll('#report li[data-kind=cue]').length >= 4", seconds: 300, "four cues on the page")
                    try await Self.takeScreenshots(page)
                    let heard = try await replayed
                    step.withLock { $0 = "checking the page's report" }
                    try await Self.checkReport(page, against: heard)
                    step.withLock { $0 = "closing the first DevTools connection" }
                }
                step.withLock { $0 = "signing out on a second DevTools connection" }
                // Signing out on a fresh DevTools connection and tab (the browser's cookie is
                // shared): the long replay's connection is done with, as a person would reopen it.
                try await DevToolsClient.connect(url: browser.devToolsURL) { devTools in
                    let page = try await BrowserPage.open(devTools)
                    try await page.navigate(server.baseURL + "/listen")
                    try await page.waitUntil("document.querySelector('.signout button')", "the listen page, still signed in")
                    try await page.tap(".signout button")
                    try await page.waitUntil("document.getElementById('signin-form')", "the sign-in page after signing out")
                    #expect(try await page.evaluate("fetch('/listen/session').then((answer) => answer.status)") == 401)
                }
                step.withLock { $0 = "stopping the browser and the server" }
            } catch {
                Issue.record("failed while \(step.withLock { $0 }): \(String(reflecting: error)); chromium said: \(browser.diagnostics.suffix(2_000))")
                throw error
            }
        }
    }

    /// Without a cookie: the sign-in page, a refused socket, a 401 session check.
    static func checkSignedOut(_ page: BrowserPage, server: ListenPageServer) async throws {
        try await page.navigate(server.baseURL + "/listen")
        try await page.waitUntil("document.getElementById('signin-form')", "the sign-in page")
        #expect(try await page.evaluate("document.body.innerText.includes('trailbrake login-link --driver')").bool == true)
        let socket = try await page.evaluate("""
            new Promise((resolve) => {
              const socket = new WebSocket(`ws://${location.host}/api/v1/coaching/listen`);
              socket.onopen = () => resolve('opened');
              socket.onclose = (event) => resolve(`closed ${event.code}`);
            })
            """)
        #expect(socket == "closed 1006", "the browser's socket must be refused before it opens")
        #expect(try await page.evaluate("fetch('/listen/session').then((answer) => answer.status)") == 401)
        try await page.screenshot(to: screenshots.appendingPathComponent("listen-signin-phone.png"))
    }

    /// Opens a fresh login link as a person would; the page posts it and lands on /listen.
    static func signIn(_ page: BrowserPage, server: ListenPageServer) async throws {
        try await page.navigate(try await server.loginLink())
        try await page.waitUntil(
            "location.pathname === '/listen' && document.getElementById('listen') && document.getElementById('status').dataset.state === 'waiting'",
            "the listen page, connected")
        #expect(try await page.evaluate("location.hash") == "", "the secret left the address bar")
        try await checkDeadlines(page)
        try await page.tap("#unlock")
        try await page.waitUntil("document.getElementById('unlock').hidden", "audio unlocked by the tap")
    }

    /// The demo replay (about 3 minutes in real time), voice on, through the load tool's driver.
    static func replay(_ laps: DriverLaps, to server: ListenPageServer) async throws -> Heard {
        var options = LoadOptions(url: server.liveURL, tokens: [server.token])
        options.voice = true
        let heard = Mutex(Heard())
        let report = try await StreamReplay(options: options, laps: laps, clipsDirectory: nil).replay { event in
            let now = Date().timeIntervalSince1970 * 1_000
            switch event {
            case .cue(let text, _, _, let sequence, let latency):
                guard let latency else { return }
                let sentAt = now - Double(latency.components.attoseconds) / 1e15 - Double(latency.components.seconds) * 1_000
                heard.withLock { $0.cues.append((sequence, text, sentAt)) }
            case .clip(let clip):
                heard.withLock { $0.clips.append((clip.header.cueID, clip.header.duration)) }
            default:
                break
            }
        }
        #expect(report.errors.isEmpty, "\(report.errors)")
        return heard.withLock { $0 }
    }

    static func checkReport(_ page: BrowserPage, against heard: Heard) async throws {
        try #require(heard.cues.count >= 3, "the replay must be coached")
        try #require(!heard.clips.isEmpty, "a voice-on replay gets clips")
        // The last messages are a few milliseconds behind the driver's; the checks below say what is missing.
        try? await page.waitUntil(
            "document.querySelectorAll('#report li[data-kind=cue][data-shown-at]').length >= \(heard.cues.count) && "
                + "document.querySelectorAll('#report li[data-kind=clip]').length >= \(heard.clips.count)",
            seconds: 20, "every cue shown and every clip decoded")
        let entries = try await page.evaluate("[...document.querySelectorAll('#report li')].map((item) => ({ ...item.dataset }))")
        let report = (entries.array ?? []).compactMap { entry -> [String: String]? in
            guard case .object(let fields) = entry else { return nil }
            return fields.compactMapValues(\.string)
        }
        // The page's whole report beside the screenshots, for whoever looks into a failure.
        try? JSONEncoder().encode(entries).write(to: screenshots.appendingPathComponent("listen-report.json"))
        let shown = report.filter { $0["kind"] == "cue" }
        #expect(shown.allSatisfy { $0["shownAt"] != nil }, "cues never painted: \(shown.filter { $0["shownAt"] == nil })")
        #expect(shown.map { $0["seq"] ?? "" }.sorted() == heard.cues.map { String($0.seq) }.sorted(), "the page showed every cue, once")

        var latencies: [Double] = []
        var sendTimes = [UInt64: Double]()
        for cue in heard.cues { sendTimes[cue.seq] = cue.sentAt }
        for entry in shown {
            guard let seq = entry["seq"].flatMap(UInt64.init), let sentAt = sendTimes[seq], let shownAt = entry["shownAt"].flatMap(Double.init)
            else { continue }
            latencies.append(shownAt - sentAt)
        }
        latencies.sort()
        try #require(!latencies.isEmpty, "no shown cue matched a batch the driver sent: \(shown.prefix(5)) vs \(heard.cues.prefix(5))")
        let p99 = latencies[min(latencies.count - 1, Int((Double(latencies.count) * 0.99).rounded(.up)) - 1)]
        let summary = "\(latencies.count) cues, batch sent to cue on screen: median \(latencies[latencies.count / 2]) ms, p99 \(p99) ms, max \(latencies.last ?? 0) ms"
        print("listen page: \(summary)")
        #expect(p99 <= latencyBudgetMilliseconds, "\(summary)")

        let decoded = report.filter { $0["kind"] == "clip" }
        #expect(decoded.allSatisfy { $0["ok"] == "true" }, "\(decoded.filter { $0["ok"] != "true" })")
        for clip in heard.clips {
            guard let entry = decoded.first(where: { $0["cue"] == String(clip.cueID) }) else {
                let trace = report.filter { $0["cue"] == String(clip.cueID) || $0["id"] == String(clip.cueID) }
                Issue.record("the page never decoded the clip of cue \(clip.cueID): \(trace)")
                continue
            }
            let header = Double(entry["header"] ?? "") ?? -1
            let seconds = Double(entry["decoded"] ?? "") ?? -1
            #expect(abs(header - clip.duration) < 0.001, "cue \(clip.cueID): the page read \(header) s from the header, sent \(clip.duration) s")
            #expect(abs(seconds - header) <= 0.020, "cue \(clip.cueID): decoded \(seconds) s, header \(header) s")
        }
        #expect(!report.contains { $0["kind"] == "clip-rejected" })
        print("listen page: \(decoded.count) clips decoded, \(report.filter { $0["kind"] == "clip-dropped" }.count) dropped before playing")
    }

    /// The page's rule for dropping a clip, run in the browser: a deadline is a lap distance, on
    /// the next lap when it is already behind the car as the cue arrives.
    static func checkDeadlines(_ page: BrowserPage) async throws {
        let cases: [(script: String, past: Bool)] = [
            ("isPast(deadline(812.5, 4, 700), 4, 812.4)", false), ("isPast(deadline(812.5, 4, 700), 4, 812.6)", true),
            ("isPast(deadline(812.5, 4, 700), 5, 10)", true), ("isPast(deadline(150, 4, 3900), 4, 3990)", false),
            ("isPast(deadline(150, 4, 3900), 5, 140)", false), ("isPast(deadline(150, 4, 3900), 5, 151)", true),
            ("isPast(deadline(null, 4, 3900), 9, 9999)", false), ("isPast(deadline(300, null, null), 2, 301)", true),
        ]
        for (script, past) in cases {
            let answer = try await page.evaluate("(() => { const { deadline, isPast } = window.TrailbrakeAudio; return \(script); })()")
            #expect(answer == .bool(past), "\(script)")
        }
    }

    static func takeScreenshots(_ page: BrowserPage) async throws {
        try await page.screenshot(to: screenshots.appendingPathComponent("listen-phone.png"))
        try await page.resize(width: 1280, height: 800, mobile: false)
        try await Task.sleep(for: .milliseconds(300))
        try await page.screenshot(to: screenshots.appendingPathComponent("listen-desktop.png"))
        try await page.resize(width: 390, height: 844, mobile: true)
    }
}
