import Crypto
import Foundation

/// Link codes: 12 characters of Crockford base32 (60 bits), shown as `XXXX-XXXX-XXXX`. Typed by
/// hand into Discord, so case, dashes and spaces are ignored, and the letters I, L and O, which
/// the alphabet leaves out, read as 1, 1 and 0. Only the SHA-256 hex of the normalised code is
/// stored.
enum DiscordLinkCodeFormat {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 12
    /// Longest input looked at; anything longer is not a code (and is never hashed).
    static let maximumInputLength = 64

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: length, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The canonical form of what a user typed, or nil when it cannot be a code.
    static func normalise(_ input: String) -> String? {
        guard input.utf8.count <= maximumInputLength else { return nil }
        let kept = String(input.uppercased().compactMap { character -> Character? in
            if character == "-" || character.isWhitespace { return nil }
            switch character {
            case "I", "L": return "1"
            case "O": return "0"
            default: return character
            }
        })
        guard kept.count == length, kept.allSatisfy(alphabet.contains) else { return nil }
        return kept
    }

    static func hash(_ normalised: String) -> String {
        SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
