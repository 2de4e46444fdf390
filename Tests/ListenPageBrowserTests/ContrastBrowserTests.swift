import CoachServer
import Foundation
import Logging
import Synchronization
import Testing

/// WCAG AA text contrast, checked on the rendered pages in Chromium: for every element that
/// shows text, its computed colour against the first opaque background behind it must reach
/// 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold). Pages: the sign-in notice, the sessions
/// list, the references with their track maps, and the admin page, in both languages. SVG text
/// is measured against the shape it stands on (a corner's number on its dot).
@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed (scripts/install-browser-test-deps.sh installs it)"))
struct ContrastBrowserTests {
    /// Returns the failures as "selector: ratio (colour on background)".
    static let check = """
        (() => {
          const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
            const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = (e) => { for (let n = e; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor);
            if (c && c.a > 0.99) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          const failures = []; let checked = 0;
          for (const e of document.querySelectorAll('body *')) {
            const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
            if (!own) continue;
            const style = getComputedStyle(e); const box = e.getBoundingClientRect();
            if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0) continue;
            const isSVGText = e instanceof SVGElement;
            const fg = parse(isSVGText ? style.fill : style.color); if (!fg) continue;
            // SVG text stands on the shape drawn just before it in its group (a corner's dot), if any.
            const shape = isSVGText && e.previousElementSibling;
            const bg = (shape && /^(circle|rect|path)$/.test(shape.tagName) && parse(getComputedStyle(shape).fill)) || background(e);
            const a = lum(fg), b = lum(bg);
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
            const large = size >= 24 || (bold && size >= 18.66);
            checked++;
            if (ratio < (large ? 3 : 4.5)) failures.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ': ' + ratio.toFixed(2));
          }
          return { checked, failures };
        })()
        """

    @Test func everyPagesTextMeetsWCAGAA() async throws {
        let references = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-contrast-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: references) }
        var logger = Logger(label: "contrast")
        logger.logLevel = .critical
        let library = ReferenceDirectory.load(ListenPageServer.referenceLaps, logger: logger)
        try await ListenPageServer.with(configure: { $0.admin.drivers = "Ayrton" }, wire: { dependencies, _ in
            dependencies.referenceShelf = DirectoryReferenceShelf(library: library, directory: references)
        }) { server in
            let browser = try await Chromium.launch()
            defer { browser.terminate() }
            let step = Mutex("the sign-in notice")
            do {
                try await DevToolsClient.connect(url: browser.devToolsURL) { devTools in
                    let page = try await BrowserPage.open(devTools)
                    try await page.resize(width: 1280, height: 900, mobile: false)
                    try await Self.expectContrast(on: page, server.baseURL + "/sessions", ready: "document.querySelector('#notice')")
                    step.withLock { $0 = "signing in" }
                    try await page.navigate(try await server.loginLink())
                    // Back on /sessions, the page that asked for the sign-in (its 401 left the return cookie).
                    try await page.waitUntil("location.pathname === '/sessions' && document.querySelector('.signout')", "signed in")
                    for (path, ready) in [
                        ("/sessions", "#main h1"), ("/sessions?lang=tr", "#main h1"), ("/references", "svg.trackmap"),
                        ("/admin", "#drivers"), ("/admin?lang=tr", "#drivers"), ("/laps/999999", "#notice"),
                    ] {
                        step.withLock { $0 = path }
                        try await Self.expectContrast(on: page, server.baseURL + path, ready: "document.querySelector('\(ready)')")
                    }
                    // The check itself: a dark grey line added to the page must be caught.
                    _ = try await page.evaluate(
                        "(() => { const p = document.createElement('p'); p.id = 'low'; p.textContent = 'low'; p.style.color = '#333'; document.querySelector('main').append(p); })()")
                    let planted = try await page.evaluate(Self.check)["failures"]?.array?.compactMap(\.string) ?? []
                    #expect(planted.contains { $0.hasPrefix("p#low") }, "the checker finds low contrast: \(planted)")
                    try await page.navigate(server.baseURL + "/references?lang=en")
                    try await page.waitUntil("document.querySelector('svg.trackmap')", "the references")
                    try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("references.png"))
                    try await page.navigate(server.baseURL + "/admin")
                    try await page.waitUntil("document.querySelector('#drivers')", "the admin page")
                    try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("admin.png"))
                }
            } catch {
                Issue.record("failed on \(step.withLock { $0 }): \(String(reflecting: error)); chromium said: \(browser.diagnostics.suffix(1_000))")
                throw error
            }
        }
    }

    static func expectContrast(on page: BrowserPage, _ url: String, ready: String) async throws {
        try await page.navigate(url)
        // Checked only once this document and its style sheet have loaded: before that, computed
        // colours are the browser's defaults (black on white), which pass.
        try await page.waitUntil("location.href === '\(url)' && document.readyState === 'complete' && \(ready)", url)
        let result = try await page.evaluate(check)
        let checked = result["checked"]?.number ?? 0
        let failures = (result["failures"]?.array ?? []).compactMap(\.string)
        #expect(checked >= 5, "\(url): text was found and checked")
        #expect(failures.isEmpty, "\(url): contrast below WCAG AA: \(failures.prefix(20))")
    }
}
