import Logging
import ServiceLifecycle
import Telemetry

/// Closes live sessions whose token stopped working: revoked by `trailbrake token revoke` (a
/// separate process, so the server learns of it from the database) or past its expiry.
///
/// Every `auth.token_check_seconds` it asks the authenticator, in one query, which of the
/// tokens the held sessions were opened with still work, and has the registry end the others'
/// sessions (error `token_revoked`, close 4401). A database that cannot answer closes nothing:
/// a revocation then waits for the next check rather than every driver losing their session.
///
/// The same timer runs `listeners`, which closes listeners whose token or browser session ended.
struct TokenWatch: Service {
    let registry: SessionRegistry
    let authenticator: any DriverAuthenticator
    let interval: Duration
    let logger: Logger
    var listeners: ListenerCredentialCheck?

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                await check()
                await listeners?.check()
            }
        }
    }

    /// One check; returns how many sessions it ended.
    @discardableResult
    func check() async -> Int {
        let inUse = await registry.tokenIDsInUse
        guard !inUse.isEmpty else { return 0 }
        let valid: Set<Int64>
        do { valid = try await authenticator.validTokenIDs(inUse) } catch {
            logger.warning("checking live sessions' tokens failed; trying again later", metadata: ["error": "\(error)"])
            return 0
        }
        let stopped = inUse.subtracting(valid)
        guard !stopped.isEmpty else { return 0 }
        let reason = WireError(.tokenRevoked, "the token this session was opened with was revoked or has expired")
        let ended = await registry.closeSessions(openedWith: stopped, reason: reason)
        // Token ids, never tokens: an id identifies a row of `trailbrake token list`, nothing more.
        logger.notice(
            "live sessions ended: their token was revoked or expired",
            metadata: ["sessions": "\(ended)", "token_ids": "\(stopped.sorted())"])
        return ended
    }
}
