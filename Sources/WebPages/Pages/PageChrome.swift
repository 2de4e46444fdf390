import Foundation

/// What every page shares: the reader's language and time zone, who is signed in (and the
/// CSRF token their sign-out form echoes), and the page's own address for the language switch.
public struct PageChrome: Sendable {
    public var language: WebLanguage
    public var timeZone: TimeZone
    /// The path and query of this page without `lang=`, e.g. `/laps/compare?a=1&b=2`.
    public var path: String
    public var driverName: String?
    public var csrfToken: String?
    /// "Sign in with Discord" is set up: the sign-in notice offers it, signed-in pages offer
    /// "Link Discord".
    public var discordSignIn: Bool

    public init(
        language: WebLanguage, timeZone: TimeZone = .gmt, path: String, driverName: String? = nil, csrfToken: String? = nil,
        discordSignIn: Bool = false
    ) {
        self.discordSignIn = discordSignIn
        self.language = language
        self.timeZone = timeZone
        self.path = path
        self.driverName = driverName
        self.csrfToken = csrfToken
    }

    var format: WebFormat { WebFormat(language: language, timeZone: timeZone) }
    var strings: WebStrings { language.strings }

    /// This page in the other language (`?lang=` sets the cookie that keeps the choice).
    var switchHref: String { path + (path.contains("?") ? "&" : "?") + "lang=\(language.other.rawValue)" }
}

/// The layout's values (`layout.mustache`): read by Mustache through reflection.
struct LayoutView {
    let lang: String
    let title: String
    let s: WebStrings
    let si: SignInStrings
    let navReferences: String
    let navTeam: String
    let signedIn: Bool
    /// Offer "Link Discord" to a signed-in browser.
    let linkDiscord: Bool
    let path: String
    let driverName: String
    let csrf: String
    let switchHref: String
    let otherLang: String
    let otherName: String
    let body: String

    init(chrome: PageChrome, title: String, body: String) {
        lang = chrome.language.rawValue
        self.title = title
        s = chrome.strings
        si = SignInStrings.of(chrome.language)
        navReferences = ReferenceStrings.of(chrome.language).title
        navTeam = TeamStrings.of(chrome.language).title
        signedIn = chrome.driverName != nil && chrome.csrfToken != nil
        linkDiscord = signedIn && chrome.discordSignIn
        path = chrome.path
        driverName = chrome.driverName ?? ""
        csrf = chrome.csrfToken ?? ""
        switchHref = chrome.switchHref
        otherLang = chrome.language.other.rawValue
        otherName = chrome.language.other.strings.otherLanguageName
        self.body = body
    }
}
