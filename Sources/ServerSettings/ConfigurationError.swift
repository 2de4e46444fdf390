/// A configuration problem, always naming the key (or environment variable) at fault.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownSection(String)
    case unknownKey(String)
    /// `key` holds a value of the wrong type; `expected` names the right one.
    case wrongType(key: String, expected: String, found: String)
    /// The type is right but the value is not allowed (`reason` says why).
    case invalidValue(key: String, reason: String)
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownSection(let section): "unknown configuration section [\(section)]"
        case .unknownKey(let key): "unknown configuration key '\(key)'"
        case .wrongType(let key, let expected, let found): "'\(key)' must be of type \(expected), found \(found)"
        case .invalidValue(let key, let reason): "'\(key)': \(reason)"
        case .unreadableFile(let path, let reason): "cannot read configuration file \(path): \(reason)"
        }
    }
}
