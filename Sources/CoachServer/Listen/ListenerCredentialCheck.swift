import Logging

/// Closes listeners whose credential stopped working while they listened: a token revoked by
/// `trailbrake token revoke` (another process) or past its expiry, a browser session past its
/// expiry or replaced by a newer sign-in. Sign-out through the page closes its listeners at once
/// (`ListenPageRoutes`); this catches the rest.
///
/// `TokenWatch` runs it on its timer, every `auth.token_check_seconds`: one query for the tokens
/// and one for the browser sessions the attached listeners hold. A store that cannot answer
/// closes nothing of that kind: the listener then waits for the next check.
struct ListenerCredentialCheck: Sendable {
    let hub: ListenerHub
    let authenticator: any DriverAuthenticator
    let browserSessions: (any BrowserSessionStore)?
    let logger: Logger

    /// One check; returns how many listeners it closed.
    @discardableResult
    func check() async -> Int {
        var tokens: Set<Int64> = [], sessions: Set<Int64> = []
        for credential in hub.credentialsInUse {
            switch credential {
            case .token(let id): tokens.insert(id)
            case .browserSession(let id): sessions.insert(id)
            }
        }
        var closed = 0
        if !tokens.isEmpty, let valid = await ask("tokens", { try await authenticator.validTokenIDs(tokens) }) {
            closed += close(tokens.subtracting(valid).map(ListenCredential.token), ending: .tokenRevoked)
        }
        if !sessions.isEmpty, let browserSessions, let live = await ask("browser sessions", { try await browserSessions.liveSessionIDs(sessions) }) {
            closed += close(sessions.subtracting(live).map(ListenCredential.browserSession), ending: .signedOut)
        }
        return closed
    }

    private func ask(_ what: String, _ query: () async throws -> Set<Int64>) async -> Set<Int64>? {
        do { return try await query() } catch {
            logger.warning("checking listeners' \(what) failed; trying again later", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func close(_ ended: [ListenCredential], ending: ListenCredential.Ending) -> Int {
        guard !ended.isEmpty else { return 0 }
        let closed = hub.closeListeners(admittedWith: Set(ended), ending: ending)
        // Ids, never secrets: a token id is a row of `trailbrake token list`, a session id names nothing outside.
        logger.notice("listeners closed: their credential ended", metadata: ["listeners": "\(closed)", "reason": "\(ending.rawValue)"])
        return closed
    }
}
