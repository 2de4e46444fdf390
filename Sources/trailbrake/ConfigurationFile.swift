import CoachServer
import Foundation
import ServerSettings
import TOMLKit

/// Reads a TOML configuration file into the plain `[section: [key: value]]` form that
/// `ServerConfiguration.load` checks; only the executable knows about TOML.
enum ConfigurationFile {
    static func read(path: String) throws -> [String: [String: ConfigurationValue]] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigurationError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ConfigurationError.unreadableFile(
                path: path, reason: "\(error.description) at line \(error.source.begin.line)")
        }
        var sections: [String: [String: ConfigurationValue]] = [:]
        for (section, node) in table {
            guard let entries = node.table else { throw ConfigurationError.unknownKey(section) }
            var values: [String: ConfigurationValue] = [:]
            for (key, value) in entries {
                values[key] = try convert(value, key: "\(section).\(key)")
            }
            sections[section] = values
        }
        return sections
    }

    private static func convert(_ value: any TOMLValueConvertible, key: String) throws -> ConfigurationValue {
        switch value.type {
        case .string: if let text = value.string { return .string(text) }
        case .int: if let number = value.int { return .integer(number) }
        case .double: if let number = value.double { return .float(number) }
        case .bool: if let flag = value.bool { return .boolean(flag) }
        default: break
        }
        throw ConfigurationError.wrongType(key: key, expected: "string, integer, float or boolean", found: value.type.description)
    }
}
