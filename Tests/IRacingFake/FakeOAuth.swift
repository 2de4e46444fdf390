import Foundation
import Hummingbird

/// The token endpoint: `password_limited` accepts only the published masking vectors;
/// `refresh_token` accepts each refresh token once, like iRacing's single-use tokens.
struct FakeOAuth: Sendable {
    let state: FakeIRacingState

    func token(form text: String) async -> Response {
        let form = Self.parse(text)
        guard form["client_id"] == MaskingVectors.clientID, form["client_secret"] == MaskingVectors.maskedClientSecret else {
            return FakeRoutes.json(401, ["error": "invalid_client", "error_description": "client authentication failed"])
        }
        switch form["grant_type"] {
        case "password_limited":
            guard form["username"] == MaskingVectors.username, form["password"] == MaskingVectors.maskedPassword,
                form["scope"]?.split(separator: " ").contains("iracing.auth") == true
            else { return FakeRoutes.json(400, ["error": "invalid_grant", "error_description": "bad credentials"]) }
            return FakeRoutes.body(200, await state.issueTokens(grant: "password_limited"))
        case "refresh_token":
            guard let refresh = form["refresh_token"], await state.spend(refreshToken: refresh) else {
                return FakeRoutes.json(400, ["error": "invalid_grant", "error_description": "refresh token invalid or used"])
            }
            return FakeRoutes.body(200, await state.issueTokens(grant: "refresh_token"))
        default:
            return FakeRoutes.json(400, ["error": "unsupported_grant_type"])
        }
    }

    /// Form decoding as a real server does it: `+` is a space, so an unescaped `+` in a masked
    /// secret would not match.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            values[decode(parts[0])] = decode(parts[1])
        }
        return values
    }
}
