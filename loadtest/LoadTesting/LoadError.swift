/// Why a load run or a replay could not start, with a stable code (the tool's exit message).
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A lap source that cannot be read or holds no usable frames.
        case unreadableSource = "unreadable_source"
        /// Fewer tokens than needed, or none.
        case missingTokens = "missing_tokens"
        /// A URL the tool cannot connect to (scheme or host).
        case badURL = "bad_url"
        /// An option outside its range.
        case invalidOption = "invalid_option"
        /// The server refused the conversation (no `welcome`, a fatal error).
        case refused
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
