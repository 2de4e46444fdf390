import Crypto
import Foundation

/// iRacing's masking of a client secret or password before it is sent to the token endpoint:
/// `base64(sha256(secret + lowercase(identifier)))`, where the identifier is the client id for
/// the client secret and the username (email) for the password. The secret itself never
/// leaves the process.
public enum SecretMasking {
    public static func mask(_ secret: String, identifier: String) -> String {
        let normalised = identifier.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let digest = SHA256.hash(data: Data((secret + normalised).utf8))
        return Data(digest).base64EncodedString()
    }
}
