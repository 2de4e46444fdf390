import HTTPTypes
import Hummingbird
import WebPages

/// The sign-in routes' pages: a `WebPages` notice in the reader's language, with the drivers'
/// pages' headers, and any number of cookie changes (a sign-in sets one and clears another).
struct SignInNotices: Sendable {
    let renderer: WebPageRenderer
    let secure: Bool
    /// Discord's authorization origin when "Sign in with Discord" is on (the pages' forms lead there).
    let discordOrigin: String?

    func page(
        _ kind: NoticeKind, status: HTTPResponse.Status, _ request: Request, session: BrowserSession? = nil, cookies: [String] = []
    ) -> Response {
        let context = DriverPageContext(request: request, session: session, secure: secure, discordSignIn: discordOrigin != nil)
        var response = DriverPageResponses.page(
            renderer.notice(kind, chrome: context.chrome), status: status, request: request, secure: secure, setCookie: context.languageCookie,
            formTarget: discordOrigin)
        for cookie in cookies { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return response
    }

    /// 303 to `location` (a validated same-site path) with the cookie changes.
    static func redirect(to location: String, cookies: [String]) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        headers[.init("Referrer-Policy")!] = "same-origin"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}
