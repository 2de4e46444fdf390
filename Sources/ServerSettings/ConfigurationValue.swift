/// One value from the configuration file, already typed by the TOML parser.
///
/// CoachServer stays free of any TOML library: the executable converts its parser's tree into
/// `[section: [key: ConfigurationValue]]` and hands it to `ServerConfiguration.load`.
public enum ConfigurationValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)

    /// Name of the type, for error messages.
    package var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        }
    }
}
