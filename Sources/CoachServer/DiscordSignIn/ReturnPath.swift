import Foundation
import Hummingbird

/// Where a browser goes after signing in: the page it asked for. Only a path on this site is
/// taken, so the sign-in can never be used to send someone elsewhere (an open redirect).
enum ReturnPath {
    /// The cookie a 401 page sets, so a login link opened afterwards still lands on that page.
    static let cookieName = "trailbrake_return"
    static let maximumLength = 512

    /// `text` when it is a same-site relative path (`/laps/12?x=1`), else nil. Refused: anything
    /// not starting with one `/` (`//host`, `https://...`), a backslash (browsers read `/\host`
    /// as `//host`), whitespace and control characters (browsers drop tabs and newlines, so
    /// `/<TAB>/host` would become `//host`), non-ASCII, and the sign-in's own paths.
    static func validated(_ text: String?) -> String? {
        guard let text, text.utf8.count <= maximumLength, text.hasPrefix("/"), !text.hasPrefix("//") else { return nil }
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else { return nil }
        guard !text.hasPrefix("/signin/"), !text.hasPrefix("/listen/login"), !text.hasPrefix("/listen/logout") else { return nil }
        return text
    }

    /// The return path a 401 page left in the browser, if any.
    static func fromCookie(_ request: Request) -> String? {
        validated(request.cookies[cookieName]?.value.removingPercentEncoding)
    }

    /// `Set-Cookie` remembering `path` for `maxAge` seconds (only the sign-in reads it).
    static func setCookie(_ path: String, maxAge: Int, secure: Bool) -> String {
        let value = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "\(cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    static func clearCookie(secure: Bool) -> String {
        "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
