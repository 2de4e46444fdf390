/// One settable key: where it lives in the file, its type, and how it lands in `ServerConfiguration`.
package struct ConfigurationKey: Sendable {
    package enum Kind: String, Sendable { case string, integer, float, boolean }

    package let section: String
    package let name: String
    package let kind: Kind
    /// The key's value in a configuration (`trailbrake config check` prints it).
    package let read: @Sendable (ServerConfiguration) -> ConfigurationValue
    /// Stores an already type-checked value, or throws `invalidValue` for an out-of-range one.
    package let store: @Sendable (inout ServerConfiguration, ConfigurationValue, String) throws -> Void

    /// `section.name`, the spelling used in error messages.
    package var dottedName: String { "\(section).\(name)" }
    /// `TRAILBRAKE_SECTION_NAME`, the environment variable that overrides the file.
    package var environmentName: String { "TRAILBRAKE_\(section.uppercased())_\(name.uppercased())" }

    package static func string(
        _ section: String, _ name: String, _ path: WritableKeyPath<ServerConfiguration, String> & Sendable,
        allowed: Set<String>? = nil
    ) -> ConfigurationKey {
        ConfigurationKey(section: section, name: name, kind: .string, read: { .string($0[keyPath: path]) }) { configuration, value, key in
            guard case .string(let text) = value else { return }
            if let allowed, !allowed.contains(text) {
                throw ConfigurationError.invalidValue(key: key, reason: "must be one of \(allowed.sorted().joined(separator: ", "))")
            }
            configuration[keyPath: path] = text
        }
    }

    package static func integer(
        _ section: String, _ name: String, _ path: WritableKeyPath<ServerConfiguration, Int> & Sendable,
        range: ClosedRange<Int>, powerOfTwo: Bool = false
    ) -> ConfigurationKey {
        ConfigurationKey(section: section, name: name, kind: .integer, read: { .integer($0[keyPath: path]) }) { configuration, value, key in
            guard case .integer(let number) = value else { return }
            guard range.contains(number) else {
                throw ConfigurationError.invalidValue(key: key, reason: "must be in \(range.lowerBound)...\(range.upperBound)")
            }
            if powerOfTwo, number.nonzeroBitCount != 1 {
                throw ConfigurationError.invalidValue(key: key, reason: "must be a power of two")
            }
            configuration[keyPath: path] = number
        }
    }

    package static func float(
        _ section: String, _ name: String, _ path: WritableKeyPath<ServerConfiguration, Double> & Sendable,
        range: ClosedRange<Double>
    ) -> ConfigurationKey {
        ConfigurationKey(section: section, name: name, kind: .float, read: { .float($0[keyPath: path]) }) { configuration, value, key in
            let number: Double
            switch value {
            case .float(let x): number = x
            case .integer(let n): number = Double(n)
            default: return
            }
            guard range.contains(number) else {
                throw ConfigurationError.invalidValue(key: key, reason: "must be in \(range.lowerBound)...\(range.upperBound)")
            }
            configuration[keyPath: path] = number
        }
    }

    package static func boolean(
        _ section: String, _ name: String, _ path: WritableKeyPath<ServerConfiguration, Bool> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(section: section, name: name, kind: .boolean, read: { .boolean($0[keyPath: path]) }) { configuration, value, _ in
            guard case .boolean(let flag) = value else { return }
            configuration[keyPath: path] = flag
        }
    }

    /// Whether `value` has this key's type (an integer is accepted where a float is expected).
    package func accepts(_ value: ConfigurationValue) -> Bool {
        switch (kind, value) {
        case (.string, .string), (.integer, .integer), (.float, .float), (.float, .integer), (.boolean, .boolean): true
        default: false
        }
    }

    /// Parses an environment variable's text as this key's type.
    package func parse(environmentText text: String) -> ConfigurationValue? {
        switch kind {
        case .string: .string(text)
        case .integer: Int(text).map(ConfigurationValue.integer)
        case .float: Double(text).flatMap { $0.isFinite ? ConfigurationValue.float($0) : nil }
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes": .boolean(true)
            case "false", "0", "no": .boolean(false)
            default: nil
            }
        }
    }
}
