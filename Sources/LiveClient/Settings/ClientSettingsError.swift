/// Why the client cannot start with the settings it was given. `code` is stable (docs/client.md
/// lists each); no message ever contains a token.
public struct ClientSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case missingToken = "missing_token"
        case tokenFileUnreadable = "token_file_unreadable"
        case tokenFilePermissions = "token_file_permissions"
        case configUnreadable = "config_unreadable"
        case configUnknownKey = "config_unknown_key"
        case configWrongType = "config_wrong_type"
        case invalidOption = "invalid_option"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
