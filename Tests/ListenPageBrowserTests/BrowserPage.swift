import Foundation

/// One tab of the browser, driven over DevTools: navigate, evaluate script, tap, resize, capture.
struct BrowserPage: Sendable {
    let devTools: DevToolsClient
    let session: String

    static func open(_ devTools: DevToolsClient) async throws -> BrowserPage {
        let target = try await devTools.call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"]?.string else { throw DevToolsClient.Failure(description: "no target: \(target)") }
        let attached = try await devTools.call("Target.attachToTarget", ["targetId": .string(targetID), "flatten": true])
        guard let session = attached["sessionId"]?.string else { throw DevToolsClient.Failure(description: "not attached: \(attached)") }
        let page = BrowserPage(devTools: devTools, session: session)
        try await page.call("Page.enable")
        try await page.call("Runtime.enable")
        return page
    }

    @discardableResult
    func call(_ method: String, _ params: JSONValue = [:]) async throws -> JSONValue {
        try await devTools.call(method, params, session: session)
    }

    /// A phone (390 x 844 CSS pixels, touch) or a desktop window.
    func resize(width: Int, height: Int, mobile: Bool) async throws {
        try await call("Emulation.setDeviceMetricsOverride", [
            "width": .number(Double(width)), "height": .number(Double(height)), "deviceScaleFactor": mobile ? 3 : 1, "mobile": .bool(mobile),
        ])
        try await call("Emulation.setTouchEmulationEnabled", ["enabled": .bool(mobile)])
    }

    func navigate(_ url: String) async throws {
        let answer = try await call("Page.navigate", ["url": .string(url)])
        if let error = answer["errorText"]?.string { throw DevToolsClient.Failure(description: "navigating to \(url): \(error)") }
    }

    /// The value of a script expression (promises awaited), as JSON.
    func evaluate(_ expression: String) async throws -> JSONValue {
        let answer = try await call("Runtime.evaluate", ["expression": .string(expression), "returnByValue": true, "awaitPromise": true])
        if let exception = answer["exceptionDetails"] { throw DevToolsClient.Failure(description: "script failed: \(exception)") }
        return answer["result"]?["value"] ?? .null
    }

    /// Waits until the expression is true (checked every 50 ms: a test waiting on a page).
    func waitUntil(_ expression: String, seconds: Double = 30, _ what: String) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if (try? await evaluate("Boolean(\(expression))"))?.bool == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        let body = (try? await evaluate("document.body ? document.body.innerText.slice(0, 400) : ''"))?.string ?? ""
        throw DevToolsClient.Failure(description: "\(what): not within \(seconds) s; page says: \(body)")
    }

    /// A real tap (a user gesture, which unlocks audio) in the middle of the element, once the
    /// page has loaded and the element is scrolled into the viewport: a click outside the
    /// viewport, or before a late layout shift, lands on nothing (the corners link of a long
    /// session page once missed its tap).
    func tap(_ selector: String) async throws {
        try await waitUntil("document.readyState === 'complete'", "the page loaded before tapping \(selector)")
        let box = try await evaluate("(() => { const e = document.querySelector('\(selector)'); if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        guard let point = box.array, point.count == 2, let x = point[0].number, let y = point[1].number else {
            throw DevToolsClient.Failure(description: "no \(selector) on the page")
        }
        for type in ["mousePressed", "mouseReleased"] {
            try await call("Input.dispatchMouseEvent", ["type": .string(type), "x": .number(x), "y": .number(y), "button": "left", "clickCount": 1])
        }
    }

    /// A PNG of the viewport, written to `file`.
    func screenshot(to file: URL) async throws {
        let answer = try await call("Page.captureScreenshot", ["format": "png"])
        guard let base64 = answer["data"]?.string, let data = Data(base64Encoded: base64) else {
            throw DevToolsClient.Failure(description: "no screenshot")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
}
