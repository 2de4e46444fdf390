import Foundation

/// Everything the fake iRacing remembers: issued tokens, the rate-limit window, queued faults,
/// the pre-signed files it handed out and what the client did.
actor FakeIRacingState {
    var world: FakeWorld
    // OAuth
    var accessTokenLifetime = 600
    private(set) var accessTokens: [String: Date] = [:]
    private(set) var liveRefreshTokens: Set<String> = []
    private(set) var spentRefreshTokens: Set<String> = []
    private(set) var grants: [String] = []
    private(set) var refreshTokenReuses = 0
    private(set) var issuedSecrets: [String] = []
    // Rate limit: windows aligned on multiples of `windowSeconds` of the Unix clock.
    var limit = 240
    var windowSeconds = 60
    private var windowIndex = -1
    private var countInWindow = 0
    private(set) var violations: [String] = []
    // Switches
    var faults: [FakeFault] = []
    /// Ordinals (1-based, counted over every linked-file and chunk fetch) answered 403 expired.
    var expireFileFetches: Set<Int> = []
    private(set) var fileFetches = 0
    var dataDelay: Duration?
    // Files behind links and chunk URLs
    private var files: [String: Data] = [:]
    // Observations
    private(set) var dataRequests: [String] = []
    private(set) var linkFetchesWithAuthorization = 0
    private(set) var peakDataInFlight = 0
    private var dataInFlight = 0

    init(world: FakeWorld) {
        self.world = world
    }

    func update(_ change: @Sendable (isolated FakeIRacingState) -> Void) {
        change(self)
    }

    // MARK: OAuth

    /// Issues an access and a single-use refresh token, as the real token endpoint does.
    func issueTokens(grant: String) -> Data {
        grants.append(grant)
        let access = "fake-access-\(UUID().uuidString)"
        let refresh = "fake-refresh-\(UUID().uuidString)"
        accessTokens[access] = Date().addingTimeInterval(TimeInterval(accessTokenLifetime))
        liveRefreshTokens.insert(refresh)
        issuedSecrets += [access, refresh]
        let body: [String: Any] = [
            "access_token": access, "token_type": "Bearer", "expires_in": accessTokenLifetime, "refresh_token": refresh,
            "refresh_token_expires_in": 3_600, "scope": "iracing.auth",
        ]
        return (try? body.json()) ?? Data()
    }

    /// Spends a refresh token; false when it is unknown or already spent (then `invalid_grant`).
    func spend(refreshToken: String) -> Bool {
        guard liveRefreshTokens.remove(refreshToken) != nil else {
            if spentRefreshTokens.contains(refreshToken) { refreshTokenReuses += 1 }
            return false
        }
        spentRefreshTokens.insert(refreshToken)
        return true
    }

    func isValid(accessToken: String) -> Bool {
        accessTokens[accessToken].map { $0 > Date() } ?? false
    }

    /// Revokes every access token, as iRacing does when a token is invalidated server-side.
    func revokeAccessTokens() {
        accessTokens.removeAll()
    }

    // MARK: Rate limit

    /// Counts a `/data` request in the current window; returns the headers to send and whether
    /// the request broke the limit (it is then answered 429 and recorded as a violation).
    func countDataRequest(_ label: String) -> (headers: [String: String], overLimit: Bool) {
        dataRequests.append(label)
        let now = Date().timeIntervalSince1970
        let index = Int(now) / windowSeconds
        if index != windowIndex {
            windowIndex = index
            countInWindow = 0
        }
        countInWindow += 1
        let overLimit = countInWindow > limit
        if overLimit { violations.append("\(countInWindow) requests in window \(index) (limit \(limit)): \(label)") }
        return (rateLimitHeaders(remaining: max(limit - countInWindow, 0), reset: (index + 1) * windowSeconds), overLimit)
    }

    func rateLimitHeaders(remaining: Int, reset: Int) -> [String: String] {
        ["x-ratelimit-limit": "\(limit)", "x-ratelimit-remaining": "\(remaining)", "x-ratelimit-reset": "\(reset)"]
    }

    func nextFault() -> FakeFault? {
        faults.isEmpty ? nil : faults.removeFirst()
    }

    func dataStarted() {
        dataInFlight += 1
        peakDataInFlight = max(peakDataInFlight, dataInFlight)
    }

    func dataFinished() {
        dataInFlight -= 1
    }

    // MARK: Files

    /// Stores a body and returns its key (the pre-signed URL's path).
    func storeFile(_ data: Data) -> String {
        let key = UUID().uuidString.lowercased()
        files[key] = data
        return key
    }

    /// The file, or nil when the link is treated as expired or unknown.
    func file(_ key: String, withAuthorization: Bool) -> (data: Data?, expired: Bool) {
        if withAuthorization { linkFetchesWithAuthorization += 1 }
        fileFetches += 1
        if expireFileFetches.contains(fileFetches) { return (nil, true) }
        return (files[key], false)
    }
}
