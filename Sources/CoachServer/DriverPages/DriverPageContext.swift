import Foundation
import Hummingbird
import WebPages

/// Who asks for a page and how they read: the signed-in browser session (the listen page's
/// cookie), the language (`?lang=` sets the `trailbrake_lang` cookie, else the cookie, else
/// `Accept-Language`) and the time zone the page's script reported (`trailbrake_tz`).
struct DriverPageContext {
    let session: BrowserSession?
    let chrome: PageChrome
    /// `Set-Cookie` keeping a language chosen with `?lang=`.
    let languageCookie: String?

    /// Query parameters kept in the language switch link; any others are dropped.
    static let keptParameters = ["a", "b", "cursor", "corner"]

    init(request: Request, session: BrowserSession?, secure: Bool, discordSignIn: Bool = false) {
        self.session = session
        let chosen = request.uri.queryParameters.get("lang").flatMap(WebLanguage.init(rawValue:))
        let language = chosen ?? WebLanguage.negotiate(
            cookie: request.cookies[WebLanguage.cookieName]?.value, acceptLanguage: request.headers[.acceptLanguage])
        languageCookie = chosen.map {
            "\(WebLanguage.cookieName)=\($0.rawValue); Path=/; Max-Age=31536000; SameSite=Lax" + (secure ? "; Secure" : "")
        }
        let query = Self.keptParameters.compactMap { name in
            request.uri.queryParameters.get(name).map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        }
        let path = request.uri.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        chrome = PageChrome(
            language: language, timeZone: WebFormat.timeZone(cookie: request.cookies["trailbrake_tz"]?.value.removingPercentEncoding),
            path: path, driverName: session?.driver.name, csrfToken: session?.csrfToken, discordSignIn: discordSignIn)
    }
}
