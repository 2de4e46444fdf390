import Crypto
import Foundation

/// RFC 7636 with S256: a random verifier the server keeps, and its SHA-256 the browser carries
/// to Discord. A code stolen on the way back is useless without the verifier.
enum PKCE {
    /// 32 random bytes in base64url: 43 characters, within the RFC's 43...128.
    static func verifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// `BASE64URL(SHA256(ASCII(verifier)))`, no padding.
    static func challenge(for verifier: String) -> String {
        base64URL(Array(SHA256.hash(data: Data(verifier.utf8))))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
