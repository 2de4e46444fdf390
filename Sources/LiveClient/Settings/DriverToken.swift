import Foundation

/// The driver's bearer token, from `TRAILBRAKE_TOKEN` or a token file. Its description is
/// redacted, so printing settings or an error can never show it.
public struct DriverToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The raw token, only for the `Authorization` header.
    public let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "<token redacted>" }
    public var debugDescription: String { description }

    /// The environment variable a token may come from.
    public static let environmentVariable = "TRAILBRAKE_TOKEN"
    /// A token file larger than this is not a token file.
    public static let maximumFileBytes = 4096

    /// The token file wins over the environment (it was asked for explicitly).
    public static func resolve(file: String?, environment: [String: String]) throws(ClientSettingsError) -> DriverToken {
        if let file { return try read(file: file) }
        if let value = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return try checked(value, from: "$\(environmentVariable)")
        }
        throw ClientSettingsError(
            .missingToken,
            "no token: set \(environmentVariable) or give --token-file FILE (make one with `trailbrake token create --driver NAME`)")
    }

    /// Reads a token file, refusing one that group or others may access, like ssh refuses an
    /// unprotected key: anyone who can read it can drive as you.
    public static func read(file path: String) throws(ClientSettingsError) -> DriverToken {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw ClientSettingsError(.tokenFileUnreadable, "cannot read the token file \(path): it does not exist or is not accessible")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw ClientSettingsError(.tokenFileUnreadable, "the token file \(path) is not a regular file")
        }
        #if !os(Windows)
        // Windows has no such bits; there the file's ACL must keep others out (docs/client.md).
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard permissions & 0o077 == 0 else {
            throw ClientSettingsError(
                .tokenFilePermissions,
                "permissions \(String(permissions, radix: 8)) for the token file \(path) are too open: it must be readable by you only (chmod 600 \(path))")
        }
        #endif
        guard ((attributes[.size] as? NSNumber)?.intValue ?? 0) <= maximumFileBytes else {
            throw ClientSettingsError(.tokenFileUnreadable, "the token file \(path) is larger than \(maximumFileBytes) bytes")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ClientSettingsError(.tokenFileUnreadable, "cannot read the token file \(path) as UTF-8 text")
        }
        return try checked(text.trimmingCharacters(in: .whitespacesAndNewlines), from: path)
    }

    /// One line of printable ASCII: anything else cannot be a header value.
    private static func checked(_ value: String, from origin: String) throws(ClientSettingsError) -> DriverToken {
        guard !value.isEmpty else { throw ClientSettingsError(.missingToken, "\(origin) holds no token") }
        guard value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ClientSettingsError(.tokenFileUnreadable, "\(origin) does not hold a single token (one line, no spaces)")
        }
        return DriverToken(value)
    }
}
