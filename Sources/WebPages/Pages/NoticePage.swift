/// A page that only says something: not found, sign in first, unavailable.
public enum NoticeKind: Sendable {
    case notFound
    case signIn
    case unavailable
}

struct NoticeView {
    let heading: String, message: String, linkHref: String?, linkText: String

    init(_ kind: NoticeKind, strings: WebStrings) {
        let parts: (String, String, String?) =
            switch kind {
            case .notFound: (strings.notFoundTitle, strings.notFoundMessage, "/sessions")
            case .signIn: (strings.signInTitle, strings.signInMessage, "/listen/login")
            case .unavailable: (strings.unavailableTitle, strings.unavailableMessage, nil)
            }
        heading = parts.0
        message = parts.1
        linkHref = parts.2
        linkText = kind == .signIn ? strings.signInLink : strings.navSessions
    }
}
