import Foundation
import Logging

/// Holds the access token and obtains new ones, one at a time.
///
/// Before a call: a token valid for at least `expiryMargin` more is reused; otherwise the stored
/// refresh token is spent (and its successor saved before anything else happens), and when
/// there is none, or iRacing refuses it, the `password_limited` grant runs. Concurrent callers
/// share the one grant in progress, so a single-use refresh token is never spent twice.
actor OAuthSession {
    private let credentials: IRacingCredentials
    private let tokenURL: String
    private let transport: HTTPTransport
    private let tokenFile: RefreshTokenFile
    private let logger: Logger
    private let metrics: IRacingMetrics
    /// A token this close to its expiry is replaced rather than sent.
    private let expiryMargin: TimeInterval = 30

    private var access: (token: String, expiresAt: Date)?
    private var grantInProgress: Task<String, any Error>?

    init(
        credentials: IRacingCredentials, oauthBaseURL: String, transport: HTTPTransport, tokenFile: RefreshTokenFile,
        logger: Logger, metrics: IRacingMetrics
    ) {
        self.credentials = credentials
        self.tokenURL = oauthBaseURL.trimmingTrailingSlash + "/oauth2/token"
        self.transport = transport
        self.tokenFile = tokenFile
        self.logger = logger
        self.metrics = metrics
    }

    /// A valid access token, obtaining one when needed.
    func accessToken() async throws(IRacingError) -> String {
        if let access, access.expiresAt.timeIntervalSinceNow > expiryMargin { return access.token }
        let task: Task<String, any Error>
        if let grantInProgress {
            task = grantInProgress
        } else {
            task = Task { try await self.obtainToken() }
            grantInProgress = task
        }
        do {
            let token = try await task.value
            if grantInProgress == task { grantInProgress = nil }
            return token
        } catch {
            if grantInProgress == task { grantInProgress = nil }
            throw (error as? IRacingError) ?? .transport("token grant failed")
        }
    }

    /// Forgets `token` after the data API refused it, so the next call obtains a new one.
    func invalidate(_ token: String) {
        if access?.token == token { access = nil }
    }

    private func obtainToken() async throws(IRacingError) -> String {
        if let stored = tokenFile.load(), stored.expiresAt.timeIntervalSinceNow > expiryMargin {
            do {
                return try await grant([
                    ("grant_type", "refresh_token"), ("client_id", credentials.clientID),
                    ("client_secret", credentials.maskedClientSecret), ("refresh_token", stored.token),
                ])
            } catch .authenticationFailed(let code) {
                logger.warning("iRacing refused the refresh token; using the password grant", metadata: ["error": "\(code)"])
                tokenFile.remove()
            }
        }
        return try await grant([
            ("grant_type", "password_limited"), ("client_id", credentials.clientID),
            ("client_secret", credentials.maskedClientSecret), ("username", credentials.username),
            ("password", credentials.maskedPassword), ("scope", "iracing.auth"),
        ])
    }

    /// Runs one grant; saves the new refresh token before the access token is handed out.
    private func grant(_ form: [(String, String)]) async throws(IRacingError) -> String {
        let grantType = form.first?.1 ?? "unknown"
        let reply = try await transport.postForm(tokenURL, form: form, label: "POST /oauth2/token")
        guard reply.status == 200 else {
            metrics.authFailures.increment()
            if reply.status >= 500 { throw .transport("token endpoint: HTTP \(reply.status)") }
            let code = (try? JSONDecoder().decode(OAuthErrorBody.self, from: reply.body))?.error ?? "HTTP \(reply.status)"
            throw .authenticationFailed(code)
        }
        let response: TokenResponse
        do { response = try JSONDecoder().decode(TokenResponse.self, from: reply.body) } catch {
            throw .decoding("token endpoint: unexpected body")
        }
        let now = Date()
        if let refreshToken = response.refreshToken {
            let lifetime = TimeInterval(response.refreshTokenExpiresIn ?? 3_600)
            try tokenFile.save(StoredRefreshToken(token: refreshToken, expiresAt: now.addingTimeInterval(lifetime)))
        }
        access = (response.accessToken, now.addingTimeInterval(TimeInterval(max(response.expiresIn, 0))))
        logger.debug("iRacing token obtained", metadata: ["grant": "\(grantType)", "expires_in": "\(response.expiresIn)"])
        return response.accessToken
    }
}

extension String {
    var trimmingTrailingSlash: String {
        var text = self
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
