import Foundation

/// Keeps secrets out of log lines that the server's own code would never put there on purpose:
/// values under metadata keys that name a secret, and anything shaped like a Trailbrake driver
/// token (`tb_` followed by base64url characters).
public enum SecretRedaction {
    public static let placeholder = "[redacted]"

    /// Key fragments that mark a value as a secret (compared in lower case).
    static let secretKeyFragments = ["token", "secret", "password", "authorization", "cookie", "api_key", "apikey", "credential"]

    /// Key suffixes that name something about a secret, not the secret (`token_ids`, `token_count`).
    static let harmlessSuffixes = ["_id", "_ids", "_count", "_kind"]

    public static func isSecretKey(_ key: String) -> Bool {
        // `X-Api-Key` and `api_key` alike.
        let lower = key.lowercased().replacingOccurrences(of: "-", with: "_")
        guard !harmlessSuffixes.contains(where: { lower.hasSuffix($0) }) else { return false }
        return secretKeyFragments.contains { lower.contains($0) }
    }

    /// `text` with every `tb_…` token replaced by `tb_[redacted]`.
    public static func scrub(_ text: String) -> String {
        guard text.contains("tb_") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "tb_") {
            result += rest[..<range.upperBound]
            let tail = rest[range.upperBound...]
            let secret = tail.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            // Words such as "tb_x" in prose stay; a token has 43 characters after the prefix.
            if secret.count >= 16 { result += placeholder } else { result += secret }
            rest = tail.dropFirst(secret.count)
        }
        return result + rest
    }
}
