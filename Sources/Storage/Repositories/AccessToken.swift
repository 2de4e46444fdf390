import Crypto
import Foundation

/// Bearer tokens: `tb_` + 32 random bytes in base64url (256 bits, unguessable), stored only as
/// the SHA-256 hex of the whole token.
///
/// Authentication hashes the presented token and looks the hash up in a unique index. A
/// constant-time compare is not needed: any timing the lookup leaks is about the *hash* of the
/// attacker's guess, and learning a prefix of SHA-256 outputs does not help find a token whose
/// hash matches (that would be a preimage attack).
enum AccessToken {
    static let prefix = "tb_"
    /// `tb_` + 43 base64url characters; anything much longer is rejected before hashing.
    static let maximumLength = 128

    /// A new secret: `prefix` + 32 random bytes in base64url. Login links (`tbl_`) and browser
    /// sessions (`tbs_`) are made the same way as tokens, with their own prefixes.
    static func generate(prefix: String = prefix) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(Data(bytes))
    }

    /// Lowercase hex SHA-256 of the token's UTF-8 bytes.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Cheap shape check so garbage never reaches the database.
    static func isWellFormed(_ token: String, prefix: String = prefix) -> Bool {
        token.hasPrefix(prefix) && token.utf8.count <= maximumLength && token.utf8.count > prefix.utf8.count
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
