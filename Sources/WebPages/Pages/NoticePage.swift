/// A page that only says something: not found, sign in first, unavailable, how a sign-in went.
public enum NoticeKind: Sendable, Equatable {
    case notFound
    case signIn
    case unavailable
    /// The Discord sign-in outcomes (docs/web.md, "Sign-in with Discord").
    case discordDenied
    case discordFailed
    case discordNotLinked
    case discordAmbiguous
    case discordLinkedElsewhere
    case discordLinked
    case signInNotStarted
    case formRefused
    case discordOff
    case signedOutEverywhere
}

struct NoticeView {
    let heading: String, message: String, linkHref: String?, linkText: String
    /// The "Sign in with Discord" form on the sign-in notice; it returns to the page asked for.
    let discordForm: DiscordFormView?

    init(_ kind: NoticeKind, chrome: PageChrome) {
        let strings = chrome.strings, words = SignInStrings.of(chrome.language)
        let parts: (String, String, String?) =
            switch kind {
            case .notFound: (strings.notFoundTitle, strings.notFoundMessage, "/sessions")
            case .signIn: (strings.signInTitle, strings.signInMessage, "/listen/login")
            case .unavailable: (strings.unavailableTitle, strings.unavailableMessage, nil)
            case .discordDenied: (words.deniedTitle, words.deniedMessage, "/listen/login")
            case .discordFailed: (words.failedTitle, words.failedMessage, "/listen/login")
            case .discordNotLinked: (words.notLinkedTitle, words.notLinkedMessage, "/listen/login")
            case .discordAmbiguous: (words.ambiguousTitle, words.ambiguousMessage, "/listen/login")
            case .discordLinkedElsewhere: (words.linkedElsewhereTitle, words.linkedElsewhereMessage, "/sessions")
            case .discordLinked: (words.linkedTitle, words.linkedMessage, "/sessions")
            case .signInNotStarted: (words.notStartedTitle, words.notStartedMessage, "/listen/login")
            case .formRefused: (words.refusedTitle, words.refusedMessage, "/sessions")
            case .discordOff: (words.unavailableTitle, words.unavailableMessage, "/listen/login")
            case .signedOutEverywhere: (words.signedOutEverywhereTitle, words.signedOutEverywhereMessage, "/listen/login")
            }
        heading = parts.0
        message = parts.1
        linkHref = parts.2
        linkText = parts.2 == "/sessions" ? strings.navSessions : strings.signInLink
        let offersDiscord = chrome.discordSignIn && chrome.driverName == nil
            && [.signIn, .discordDenied, .discordFailed, .signInNotStarted].contains(kind)
        discordForm = offersDiscord ? DiscordFormView(returnPath: kind == .signIn ? chrome.path : "/sessions", label: words.withDiscord) : nil
    }
}

/// `POST /signin/discord` with where to go afterwards.
struct DiscordFormView {
    let returnPath: String
    let label: String
}
