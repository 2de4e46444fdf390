import Foundation

/// What the fake Discord's REST side saw, and the rules it enforces like Discord does:
/// token and User-Agent, per-route buckets (429 with the captured headers and body when the
/// client breaks them), and nonce + `enforce_nonce` deduplication for as long as Discord
/// remembers a nonce (a few minutes; `nonceMemory`, and `forgetNonces()` for "much later").
/// Messages get snowflake ids from the time they are posted and can be read back (the channel
/// history, without their nonces, as Discord returns them). On cue it also behaves like Discord
/// over the internet: requests and answers delayed by random amounts (so answers overtake each
/// other), server errors (502/503/504 with their non-JSON bodies), answers that never come.
actor FakeDiscordREST {
    struct Recorded: Sendable {
        var method: String
        var path: String
        var query: String? = nil
        var authorization: String?
        var userAgent: String?
        var contentType: String?
        var body: Data
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var jsonArray: [Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [Any] }
    }

    struct Posted: Sendable {
        var id: String
        var channel: String
        var postedAt = Date()
        /// `payload_json` for multipart posts, else the JSON body.
        var payload: Data
        var files: [(name: String, filename: String?, contentType: String?, body: Data)]
        var payloadObject: [String: Any] { ((try? JSONSerialization.jsonObject(with: payload)) as? [String: Any]) ?? [:] }
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: Data = Data()
    }

    let token: String
    /// Requests per bucket window (per route and channel), like Discord's 5 per 5 s for messages.
    private var buckets = FakeBuckets()
    var bucketLimit: Int { buckets.limit }
    var bucketWindow: Double { buckets.window }
    /// 429s answered because a client sent more than a bucket allows.
    var tooManyRequests: Int { buckets.tooManyRequests }
    /// The most requests that arrived in one window of one bucket (allowed or not).
    var peakArrivalsPerWindow: Int { buckets.peakArrivalsPerWindow }
    private(set) var requests: [Recorded] = []
    private(set) var posted: [Posted] = []
    /// Message id and arrival time per nonce.
    private var nonces: [String: (id: String, at: Date)] = [:]
    /// How long a nonce is honoured; Discord documents "a few minutes".
    private(set) var nonceMemory: TimeInterval = 300
    /// Requests answered from history reads (`GET /channels/{id}/messages`).
    private(set) var historyReads = 0
    /// While set, every answer is held back after the work is done (Discord did it, the
    /// client never hears): the request hangs until it is cancelled or this is cleared.
    private(set) var answersHang = false
    /// Message posts beyond this many are refused with 503 before they take effect.
    private var postLimit: Int?
    /// Status for history reads instead of the messages (403: no Read Message History).
    private var historyStatus: Int?
    /// Seconds a request travels before Discord counts it, and its answer travels back.
    private var arrivalDelay: ClosedRange<Double> = 0...0
    private var answerDelay: ClosedRange<Double> = 0...0
    private var serverErrors = FakeServerErrors.Schedule()
    private var nextID = 1_000
    /// While set, message posts hang until it is cleared (Discord down or slow).
    private(set) var stalled = false
    private let template429: (headers: [(String, String)], body: [String: Any])?
    /// DM recipients whose Create DM fails (50007, "Cannot send messages to this user").
    var blockedRecipients: Set<String> = []
    /// Next Create DM calls that fail with 500, to exercise retries.
    var failingDMCalls = 0
    /// Guild members' Discord role ids (user id to roles); a user not here is "Unknown Member".
    private(set) var guildMembers: [String: [String]] = [:]
    /// The guild's roles and their permission bits (the `@everyone` role's id is the guild's).
    private(set) var guildRoles: [String: UInt64] = [:]
    /// The guild's owner, who has every permission.
    var guildOwner = "0"

    init(token: String) {
        self.token = token
        template429 = try? DiscordFixtures.httpCapture("rest/rate_limit_429_user.http")
    }

    func setStalled(_ stalled: Bool) { self.stalled = stalled }
    /// These users have closed their DMs: Create DM answers 50007.
    func setBlockedRecipients(_ users: Set<String>) { blockedRecipients = users }
    func setNonceMemory(_ seconds: TimeInterval) { nonceMemory = seconds }
    /// Forgets every nonce, as Discord has some minutes after a post.
    func forgetNonces() { nonces = [:] }
    func setAnswersHang(_ hang: Bool) { answersHang = hang }
    /// Refuses (503, nothing posted) every message post once `count` messages exist; nil lifts it.
    func refusePosts(beyond count: Int?) { postLimit = count }
    func failHistoryReads(status: Int?) { historyStatus = status }
    func configureBuckets(limit: Int, window: Double) {
        buckets.limit = limit
        buckets.window = window
    }
    /// Random network delays (seconds) before a request is counted and before its answer leaves.
    func configureLatency(arrival: ClosedRange<Double>, answer: ClosedRange<Double>) {
        arrivalDelay = arrival
        answerDelay = answer
    }
    /// Answers the next `count` requests with `status` (500, 502, 503, 504); with
    /// `afterProcessing` the request takes effect first and only its answer is lost.
    func failNext(_ count: Int, status: Int, afterProcessing: Bool = false) {
        serverErrors = FakeServerErrors.Schedule(remaining: count, status: status, afterProcessing: afterProcessing)
    }
    func blockDMs(to recipient: String) { blockedRecipients.insert(recipient) }
    func failNextDMCalls(_ count: Int) { failingDMCalls = count }
    /// Gives `user` these Discord roles in the guild (an empty list: a member with no role; nil: not a member).
    func setMember(_ user: String, roles: [String]?) { guildMembers[user] = roles }
    func setRole(_ role: String, permissions: UInt64) { guildRoles[role] = permissions }

    func messages(in channel: String) -> [Posted] { posted.filter { $0.channel == channel } }
    func requests(matching method: String, _ prefix: String) -> [Recorded] {
        requests.filter { $0.method == method && $0.path.hasPrefix(prefix) }
    }

    /// Handles one request; `path` is below `/api/v10`.
    func handle(_ request: Recorded, gatewayURL: String) async -> Reply {
        requests.append(request)
        await Self.travel(arrivalDelay)
        let failure = serverErrors.take()
        if let failure, !failure.afterProcessing { return FakeServerErrors.reply(status: failure.status) }
        let reply = await answer(request, gatewayURL: gatewayURL)
        while answersHang {
            do { try await Task.sleep(for: .milliseconds(20)) } catch { return Reply(status: 503) }
        }
        await Self.travel(answerDelay)
        if let failure { return FakeServerErrors.reply(status: failure.status) }
        return reply
    }

    private static func travel(_ delay: ClosedRange<Double>) async {
        guard delay.upperBound > 0 else { return }
        try? await Task.sleep(for: .milliseconds(Int64(Double.random(in: delay) * 1_000)))
    }

    private func answer(_ request: Recorded, gatewayURL: String) async -> Reply {
        guard request.authorization == "Bot \(token)" else {
            return Reply(status: 401, body: json(["message": "401: Unauthorized", "code": 0]))
        }
        guard request.userAgent?.hasPrefix("DiscordBot (") == true else {
            return Reply(status: 400, body: json(["message": "missing User-Agent", "code": 0]))
        }
        let parts = request.path.split(separator: "/").map(String.init)
        switch (request.method, parts.first) {
        case ("GET", "gateway"):
            var object = (try? DiscordFixtures.object("rest/get_gateway_bot_response.json")) ?? ["shards": 1]
            object["url"] = gatewayURL
            return Reply(status: 200, body: json(object))
        case ("GET", "channels") where parts.count == 3 && parts[2] == "messages":
            let verdict = buckets.arrive("GET channels/\(parts[1])/messages")
            guard verdict.allowed else { return tooManyRequestsReply(verdict) }
            historyReads += 1
            if let historyStatus {
                return Reply(status: historyStatus, body: json(["message": "Missing Access", "code": 50001]))
            }
            return history(channel: parts[1], query: request.query, headers: verdict.headers)
        case ("GET", "guilds") where parts.count == 4 && parts[2] == "members":
            // Discord's guild member object (without the fields the bot does not read), or 10007.
            guard let roles = guildMembers[parts[3]] else {
                return Reply(status: 404, body: json(["message": "Unknown Member", "code": 10007]))
            }
            return Reply(status: 200, body: json([
                "user": ["id": parts[3], "username": "user\(parts[3].suffix(4))"], "roles": roles, "joined_at": "2026-01-01T00:00:00.000000+00:00",
                "deaf": false, "mute": false, "flags": 0,
            ]))
        case ("GET", "guilds") where parts.count == 2:
            var roles: [[String: Any]] = [["id": parts[1], "name": "@everyone", "permissions": String(guildRoles[parts[1]] ?? 0)]]
            for (id, bits) in guildRoles.sorted(by: { $0.key < $1.key }) where id != parts[1] {
                roles.append(["id": id, "name": "role\(id.suffix(4))", "permissions": String(bits)])
            }
            return Reply(status: 200, body: json(["id": parts[1], "name": "Team", "owner_id": guildOwner, "roles": roles]))
        case ("GET", "users") where parts.count == 2 && parts[1] == "@me":
            return Reply(status: 200, body: json(["id": FakeDiscord.botUserID, "username": "trailbrake", "bot": true]))
        case ("POST", "channels") where parts.count == 3:
            // A cancelled request (server shutdown) must not spin here holding the actor.
            while stalled {
                do { try await Task.sleep(for: .milliseconds(20)) } catch { return Reply(status: 503) }
            }
            let verdict = buckets.arrive("channels/\(parts[1])")
            guard verdict.allowed else { return tooManyRequestsReply(verdict) }
            if let postLimit, posted.count >= postLimit { return FakeServerErrors.reply(status: 503) }
            return createMessage(channel: parts[1], request, rateLimitHeaders: verdict.headers)
        case ("POST", "users"):
            let recipient = (request.json?["recipient_id"] as? String) ?? ""
            if failingDMCalls > 0 {
                failingDMCalls -= 1
                return Reply(status: 500, body: json(["message": "Internal Server Error", "code": 0]))
            }
            if blockedRecipients.contains(recipient) {
                return Reply(status: 403, body: json(["message": "Cannot send messages to this user", "code": 50007]))
            }
            return Reply(status: 200, body: json(["id": "dm\(recipient)", "type": 1]))
        case ("PUT", "applications"):
            return Reply(status: 200, body: request.body)
        case ("POST", "interactions"):
            return Reply(status: 204)
        case ("PATCH", "webhooks"):
            return FakeInteractionEdits.reply(to: request, id: newID())
        default:
            return Reply(status: 404, body: json(["message": "404: Not Found", "code": 0]))
        }
    }

    /// A snowflake as Discord makes them: milliseconds since 2015 in the top bits, so ids grow
    /// with time and `after` in a history read means "posted later".
    private func newID() -> String {
        nextID += 1
        let milliseconds = UInt64(Date().timeIntervalSince1970 * 1_000) - 1_420_070_400_000
        return String(milliseconds << 22 | UInt64(nextID & 0x3F_FFFF))
    }

    /// `GET /channels/{id}/messages?after=&limit=`: the `limit` messages right after `after`,
    /// newest first, each with its author (the bot) and embeds, but no nonce.
    private func history(channel: String, query: String?, headers: [(String, String)]) -> Reply {
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { parameters[parts[0]] = parts[1] }
        }
        let after = parameters["after"].flatMap(UInt64.init) ?? 0
        let limit = min(max(parameters["limit"].flatMap(Int.init) ?? 50, 1), 100)
        let messages = messages(in: channel).filter { (UInt64($0.id) ?? 0) > after }.prefix(limit).reversed().map { message in
            var object = message.payloadObject
            object["nonce"] = nil
            object["enforce_nonce"] = nil
            object["allowed_mentions"] = nil
            object["id"] = message.id
            object["channel_id"] = channel
            object["author"] = ["id": FakeDiscord.botUserID, "username": "trailbrake", "bot": true]
            object["timestamp"] = ISO8601DateFormatter().string(from: message.postedAt)
            return object
        }
        return Reply(status: 200, headers: headers + [("Content-Type", "application/json")], body: json(Array(messages)))
    }

    /// Discord's 429 for a bucket: the captured headers and body with this window's numbers.
    private func tooManyRequestsReply(_ verdict: FakeBuckets.Verdict) -> Reply {
        var headers = template429?.headers ?? [("Content-Type", "application/json"), ("X-RateLimit-Scope", "user")]
        var body = template429?.body ?? ["message": "You are being rate limited.", "global": false]
        headers = headers.map { name, value in
            switch name.lowercased() {
            case "retry-after": (name, String(Int(verdict.resetAfter.rounded(.up))))
            case "x-ratelimit-reset-after": (name, String(format: "%.3f", verdict.resetAfter))
            case "x-ratelimit-limit": (name, String(verdict.limit))
            case "x-ratelimit-remaining": (name, "0")
            case "x-ratelimit-bucket": (name, FakeBuckets.bucketID)
            case "x-ratelimit-reset": (name, String(format: "%.3f", verdict.reset))
            default: (name, value)
            }
        }
        body["retry_after"] = verdict.resetAfter
        return Reply(status: 429, headers: headers, body: json(body))
    }

    private func createMessage(channel: String, _ request: Recorded, rateLimitHeaders: [(String, String)]) -> Reply {
        var payload = request.body
        var files: [(name: String, filename: String?, contentType: String?, body: Data)] = []
        if let type = request.contentType, type.hasPrefix("multipart/form-data") {
            let parts = MultipartParser.parse(request.body, contentType: type) ?? []
            payload = parts.first { $0.name == "payload_json" }?.body ?? Data()
            files = parts.filter { $0.name != "payload_json" }.map { ($0.name, $0.filename, $0.contentType, $0.body) }
        }
        let object = ((try? JSONSerialization.jsonObject(with: payload)) as? [String: Any]) ?? [:]
        let headers = rateLimitHeaders + [("Content-Type", "application/json")]
        // Discord: with enforce_nonce, a nonce seen recently returns the earlier message.
        if object["enforce_nonce"] as? Bool == true, let nonce = object["nonce"] as? String, let existing = nonces[nonce],
            Date().timeIntervalSince(existing.at) < nonceMemory
        {
            return Reply(status: 200, headers: headers, body: json(["id": existing.id, "channel_id": channel]))
        }
        if (object["content"] as? String)?.count ?? 0 > 2_000 {
            return Reply(status: 400, headers: headers, body: (try? DiscordFixtures.data("rest/error_50035_invalid_form_body.json")) ?? Data())
        }
        let id = newID()
        if let nonce = object["nonce"] as? String { nonces[nonce] = (id, Date()) }
        posted.append(Posted(id: id, channel: channel, payload: payload, files: files))
        return Reply(status: 200, headers: headers, body: json(["id": id, "channel_id": channel]))
    }
}
