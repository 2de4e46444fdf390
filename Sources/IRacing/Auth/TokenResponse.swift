import Foundation

/// The token endpoint's answer, the same for every grant.
struct TokenResponse: Decodable, Sendable {
    var accessToken: String
    var tokenType: String?
    var expiresIn: Int
    var refreshToken: String?
    var refreshTokenExpiresIn: Int?
    var scope: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case refreshTokenExpiresIn = "refresh_token_expires_in"
        case scope
    }
}

/// An RFC 6749 error body: only the code is kept, the description may echo request values.
struct OAuthErrorBody: Decodable {
    var error: String
}
