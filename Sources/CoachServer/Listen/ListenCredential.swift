import NIOWebSocket

/// What a listener was admitted with, remembered for as long as it listens: when the credential
/// ends, so does the listener (docs/protocol.md, "Who may listen").
///
/// A browser's session ends at sign-out (its listeners are closed at once), at its expiry, or
/// when a newer sign-in of the driver replaces it; a token when it is revoked or expires. The
/// last three are noticed by the server's periodic check (`ListenerCredentialCheck`, every
/// `auth.token_check_seconds`).
enum ListenCredential: Sendable, Hashable {
    case browserSession(Int64)
    case token(Int64)

    /// The credential the driver was admitted with; nil when the authenticator could not name it
    /// (then nothing can end it but the listener or the server).
    init?(admitting driver: AuthenticatedDriver) {
        if let session = driver.browserSessionID {
            self = .browserSession(session)
        } else if let token = driver.tokenID {
            self = .token(token)
        } else {
            return nil
        }
    }

    /// Why a listener's credential ended: told in an `error` (`fatal`), then the close 4401 with
    /// the code as its reason, like the live socket's revoked token. Reconnecting with the same
    /// credential is refused with `401`.
    enum Ending: String, Sendable {
        /// The browser signed out, or its sign-in expired or was replaced by a newer one.
        case signedOut = "signed_out"
        /// The token was revoked (`trailbrake token revoke`) or expired.
        case tokenRevoked = "token_revoked"

        static let closeCode = WebSocketErrorCode(codeNumber: 4401)

        var message: String {
            switch self {
            case .signedOut: "this browser's sign-in has ended (signed out, expired or replaced): sign in again"
            case .tokenRevoked: "the token this listener connected with was revoked or has expired"
            }
        }

        /// The `error` message sent before the close.
        var errorJSON: String {
            #"{"type":"error","code":"\#(rawValue)","message":"\#(message)","fatal":true}"#
        }
    }
}
