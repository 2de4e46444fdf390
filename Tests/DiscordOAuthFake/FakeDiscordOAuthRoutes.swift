import Foundation
import HTTPTypes
import Hummingbird

/// The three endpoints as Discord answers them, errors in Discord's shapes: the OAuth ones
/// (`{"error": "invalid_grant", "error_description": ...}`), the API's
/// (`{"message": "401: Unauthorized", "code": 0}`) and the rate limit's (429 with `retry_after`).
struct FakeDiscordOAuthRoutes: Sendable {
    let fake: FakeDiscordOAuthState

    func register(on router: Router<BasicRequestContext>) {
        router.get("/oauth2/authorize") { request, _ in authorize(request) }
        router.post("/api/v10/oauth2/token") { request, _ in await token(request) }
        router.get("/api/v10/users/@me") { request, _ in me(request) }
    }

    /// The consent page, already answered: a redirect back with a code (or `access_denied`).
    /// An unknown client or an unregistered redirect URI is an error page and no redirect.
    private func authorize(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let redirect = query.get("redirect_uri") ?? ""
        return fake.state.withLock { state in
            guard query.get("client_id") == fake.clientID else { return Self.text(.badRequest, "Unknown Application") }
            guard state.redirectURIs.contains(redirect) else { return Self.text(.badRequest, "Invalid OAuth2 redirect_uri") }
            guard query.get("response_type") == "code", query.get("scope")?.split(separator: " ").contains("identify") == true,
                query.get("code_challenge_method") == "S256", let challenge = query.get("code_challenge"), challenge.utf8.count == 43
            else { return Self.text(.badRequest, "Invalid OAuth2 request") }
            var back = URLComponents(string: redirect)!
            var items: [URLQueryItem] = []
            if state.consent {
                let code = FakeDiscordOAuthState.random()
                state.codes[code] = .init(redirectURI: redirect, challenge: challenge, account: state.account)
                items.append(URLQueryItem(name: "code", value: code))
            } else {
                items += [
                    URLQueryItem(name: "error", value: "access_denied"),
                    URLQueryItem(name: "error_description", value: "The resource owner or authorization server denied the request"),
                ]
            }
            if let stateValue = query.get("state") { items.append(URLQueryItem(name: "state", value: stateValue)) }
            back.queryItems = items
            return Response(status: .found, headers: [.location: back.string!])
        }
    }

    private func token(_ request: Request) async -> Response {
        let form = await Self.form(request)
        let basic = "Basic " + Data("\(fake.clientID):\(fake.clientSecret)".utf8).base64EncodedString()
        return fake.state.withLock { state in
            state.tokenRequests += 1
            if state.rateLimitTokenRequests > 0 {
                state.rateLimitTokenRequests -= 1
                return Self.json(.tooManyRequests, #"{"message": "You are being rate limited.", "retry_after": 1.5, "global": false}"#)
            }
            guard request.headers[.authorization] == basic else { return Self.oauthError(.unauthorized, "invalid_client", nil) }
            guard form["grant_type"] == "authorization_code" else { return Self.oauthError(.badRequest, "unsupported_grant_type", nil) }
            state.lastCodeVerifier = form["code_verifier"]
            guard let code = form["code"], var issued = state.codes[code], !issued.used else {
                return Self.oauthError(.badRequest, "invalid_grant", #"Invalid \"code\" in request."#)
            }
            // A code works once, whatever the outcome of its first exchange.
            issued.used = true
            state.codes[code] = issued
            guard form["redirect_uri"] == issued.redirectURI else {
                return Self.oauthError(.badRequest, "invalid_grant", #"Invalid \"redirect_uri\" in request."#)
            }
            guard let verifier = form["code_verifier"], FakeDiscordOAuthState.s256(verifier) == issued.challenge else {
                return Self.oauthError(.badRequest, "invalid_grant", #"Invalid \"code_verifier\""#)
            }
            let token = FakeDiscordOAuthState.random()
            state.tokens[token] = issued.account
            return Self.json(.ok, #"{"access_token": "\#(token)", "token_type": "Bearer", "expires_in": 604800, "refresh_token": "r\#(token)", "scope": "identify"}"#)
        }
    }

    private func me(_ request: Request) -> Response {
        let header = request.headers[.authorization] ?? ""
        return fake.state.withLock { state in
            guard header.hasPrefix("Bearer "), let account = state.tokens[String(header.dropFirst(7))] else {
                return Self.json(.unauthorized, #"{"message": "401: Unauthorized", "code": 0}"#)
            }
            return Self.json(.ok, """
                {"id": "\(account.id)", "username": "\(account.username)", "discriminator": "0", "global_name": null, "avatar": null, \
                "public_flags": 0, "flags": 0, "banner": null, "accent_color": null, "avatar_decoration_data": null, "mfa_enabled": false, "locale": "en-US"}
                """)
        }
    }

    private static func oauthError(_ status: HTTPResponse.Status, _ code: String, _ description: String?) -> Response {
        json(status, description.map { #"{"error": "\#(code)", "error_description": "\#($0)"}"# } ?? #"{"error": "\#(code)"}"#)
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func form(_ request: Request) async -> [String: String] {
        guard var body = try? await request.body.collect(upTo: 8_192), let text = body.readString(length: body.readableBytes) else { return [:] }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
