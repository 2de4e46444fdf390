import WebPages

/// The listen page's HTML. The dynamic parts (a driver name, a CSRF token) are escaped; the
/// style and scripts are separate files (`ListenPageAssets`), so the page's Content-Security-Policy
/// can forbid inline script.
enum ListenPageHTML {
    /// The page of a signed-in browser: live delta, last cues, lap times, audio.
    static func listening(driver: String, csrfToken: String) -> String {
        let name = escape(driver)
        return page(
            title: "Listening to \(name)", scripts: ["listen-audio.js", "listen.js"], bodyClass: "listen",
            body: """
                <header class="bar">
                  <span class="brand">Trailbrake</span>
                  <span id="status" class="status" data-state="connecting">Connecting…</span>
                  <form method="post" action="/listen/logout" class="signout">
                    <input type="hidden" name="csrf" value="\(escape(csrfToken))">
                    <button type="submit">Sign out</button>
                  </form>
                </header>
                <main id="listen" data-driver="\(name)">
                  <section class="delta-panel" aria-live="off">
                    <div id="delta" class="delta" data-sign="none">–.––</div>
                    <div id="where" class="where">Waiting for \(name) to start a session</div>
                    <div id="reference" class="reference"></div>
                  </section>
                  <button id="unlock" class="unlock" type="button">Tap to hear the cues</button>
                  <section class="panel">
                    <h2>Cues</h2>
                    <ol id="cues" class="cues" aria-live="polite"></ol>
                  </section>
                  <section class="panel">
                    <h2>Laps</h2>
                    <table class="laps"><thead><tr><th>Lap</th><th>Time</th><th>Δ</th><th></th></tr></thead>
                    <tbody id="laps"></tbody></table>
                  </section>
                </main>
                <footer id="audio-state" class="footer">Audio off · tap the button above to hear the cues</footer>
                <ol id="report" hidden></ol>
                """)
    }

    /// How to get a login link, and a field to paste one; `notice` says why (e.g. signed out).
    static func signIn(loginLinkMinutes: Double, available: Bool, notice: String? = nil) -> String {
        let minutes = loginLinkMinutes.rounded() == loginLinkMinutes ? "\(Int(loginLinkMinutes))" : "\(loginLinkMinutes)"
        let form =
            available
            ? """
            <p>…and open the link it prints on this device. It works once, within \(minutes) minutes.
            Or paste it here:</p>
            <form id="signin-form" method="post" action="/listen/login" class="signin-form">
              <input name="link" type="text" autocomplete="off" spellcheck="false" required
                placeholder="http://…/listen/login#tbl_…" aria-label="Sign-in link">
              <button type="submit">Sign in</button>
            </form>
            """
            : "<p>Sign-in is not available on this server (it runs without a database).</p>"
        return page(
            title: "Sign in to listen", scripts: ["login.js"], bodyClass: "signin",
            body: """
                <main id="signin" class="card">
                  <h1>Listen to your cues</h1>
                  \(notice.map { "<p class=\"notice\">\(escape($0))</p>" } ?? "")
                  <p>This page plays a driver's coaching cues as they happen, on a phone with earbuds or a
                  second screen. To sign in, run this where the server runs:</p>
                  <pre><code>trailbrake login-link --driver YOUR-NAME</code></pre>
                  \(form)
                  <noscript><p>The listen page needs JavaScript.</p></noscript>
                </main>
                """)
    }

    /// A page that only explains something (a used link, a refused form) and leads back.
    static func notice(title: String, message: String) -> String {
        page(
            title: escape(title), scripts: [], bodyClass: "signin",
            body: """
                <main id="notice" class="card">
                  <h1>\(escape(title))</h1>
                  <p>\(escape(message))</p>
                  <p>For a new link, run <code>trailbrake login-link --driver YOUR-NAME</code> where the server runs.</p>
                  <p><a href="/listen">Back to the listen page</a></p>
                </main>
                """)
    }

    private static func page(title: String, scripts: [String], bodyClass: String, body: String) -> String {
        let scriptTags = scripts.map { "<script src=\"/listen/assets/\($0)\" defer></script>" }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="theme-color" content="#0f1216">
            <meta name="referrer" content="same-origin">
            <title>\(title) · Trailbrake</title>
            <link rel="stylesheet" href="/listen/assets/listen.css">
            \(scriptTags)
            </head>
            <body class="\(bodyClass)">
            \(body)
            </body>
            </html>

            """
    }

    /// Text for HTML content and double-quoted attributes (the drivers' pages' escaping).
    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
