import Foundation

/// The four values of iRacing's `password_limited` grant. Read from the environment or a
/// secrets file, never from the configuration file in the repository.
///
/// Every textual form (`description`, `debugDescription`, `dump`) is redacted, so a stray
/// `"\(credentials)"` in a log line shows nothing secret.
public struct IRacingCredentials: Sendable, Equatable {
    public var clientID: String
    public var clientSecret: String
    public var username: String
    public var password: String

    public init(clientID: String, clientSecret: String, username: String, password: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.username = username
        self.password = password
    }

    /// The client secret as the token endpoint wants it.
    var maskedClientSecret: String { SecretMasking.mask(clientSecret, identifier: clientID) }
    /// The password as the token endpoint wants it.
    var maskedPassword: String { SecretMasking.mask(password, identifier: username) }

    /// Variable names, in the environment and in the secrets file alike.
    public enum Key: String, CaseIterable, Sendable {
        case clientID = "IRACING_CLIENT_ID"
        case clientSecret = "IRACING_CLIENT_SECRET"
        case username = "IRACING_USERNAME"
        case password = "IRACING_PASSWORD"
    }

    /// Reads the secrets file (when a path is given) and lets the environment override it.
    ///
    /// The file holds `NAME=value` lines (`#` starts a comment; blank lines are ignored), the
    /// format of systemd's `EnvironmentFile`, so one file serves both.
    /// - Throws: `IRacingError.missingCredentials` naming the first missing variable (never a value),
    ///   `.tokenStorage` when the file cannot be read.
    public static func load(environment: [String: String], secretsFile: String?) throws -> IRacingCredentials {
        var values: [String: String] = [:]
        if let secretsFile, !secretsFile.isEmpty {
            let text: String
            do { text = try String(contentsOfFile: secretsFile, encoding: .utf8) } catch {
                throw IRacingError.missingCredentials("secrets file \(secretsFile) is not readable")
            }
            values = parse(text)
        }
        for key in Key.allCases {
            if let value = environment[key.rawValue], !value.isEmpty { values[key.rawValue] = value }
        }
        func required(_ key: Key) throws -> String {
            guard let value = values[key.rawValue], !value.isEmpty else {
                throw IRacingError.missingCredentials("\(key.rawValue) is not set")
            }
            return value
        }
        return IRacingCredentials(
            clientID: try required(.clientID), clientSecret: try required(.clientSecret),
            username: try required(.username), password: try required(.password))
    }

    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[name] = value
        }
        return values
    }
}

extension IRacingCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "IRacingCredentials(clientID: \(clientID), secrets redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["clientID": clientID], displayStyle: .struct) }
}
