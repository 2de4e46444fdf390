import Mustache

/// Renders the drivers' pages: the templates under `Templates/` (embedded in the binary by
/// SwiftPM), parsed once; each page's body is rendered, then the layout around it.
public struct WebPageRenderer: Sendable {
    let library: MustacheLibrary

    public init() throws {
        var library = MustacheLibrary()
        for (name, bytes) in [
            ("layout", PackageResources.layout_mustache), ("sessions", PackageResources.sessions_mustache),
            ("session", PackageResources.session_mustache), ("lap", PackageResources.lap_mustache),
            ("notice", PackageResources.notice_mustache), ("admin", PackageResources.admin_mustache),
            ("references", PackageResources.references_mustache),
            ("events", PackageResources.events_mustache), ("event", PackageResources.event_mustache),
        ] {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    public func sessions(_ input: SessionsPageInput, chrome: PageChrome) -> String {
        page("sessions", SessionsView(input, chrome: chrome), title: chrome.strings.sessionsTitle, chrome: chrome)
    }

    public func session(_ input: SessionPageInput, chrome: PageChrome) -> String {
        page("session", SessionView(input, chrome: chrome), title: "\(input.track) · \(chrome.strings.sessionTitle)", chrome: chrome)
    }

    public func references(_ input: ReferencesPageInput, chrome: PageChrome) -> String {
        page("references", ReferencesView(input, chrome: chrome), title: ReferenceStrings.of(chrome.language).title, chrome: chrome)
    }

    public func admin(_ input: AdminPageInput, chrome: PageChrome) -> String {
        page("admin", AdminView(input, chrome: chrome), title: AdminStrings.of(chrome.language).title, chrome: chrome)
    }

    public func lap(_ input: LapPageInput, chrome: PageChrome) -> String {
        let view = LapView(input, chrome: chrome)
        return page("lap", view, title: view.heading, chrome: chrome)
    }

    public func notice(_ kind: NoticeKind, chrome: PageChrome) -> String {
        let view = NoticeView(kind, chrome: chrome)
        return page("notice", view, title: view.heading, chrome: chrome)
    }

    func page(_ template: String, _ view: Any, title: String, chrome: PageChrome) -> String {
        let body = library.render(view, withTemplate: template) ?? ""
        return library.render(LayoutView(chrome: chrome, title: title, body: body), withTemplate: "layout") ?? body
    }
}

/// The pages' style sheet and script, served by CoachServer under `/web/assets/`.
public enum WebAssets {
    public struct Asset: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
    }

    public static func named(_ name: String) -> Asset? {
        switch name {
        case "web.css": Asset(bytes: PackageResources.web_css, contentType: "text/css; charset=utf-8")
        case "web.js": Asset(bytes: PackageResources.web_js, contentType: "text/javascript; charset=utf-8")
        default: nil
        }
    }
}
