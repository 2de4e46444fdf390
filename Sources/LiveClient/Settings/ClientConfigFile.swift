import Foundation
import TOMLKit

/// `--config FILE`: every command-line option as a TOML key (`server = "wss://..."`,
/// `batch_ms = 100`), shared options at the top level and each source's own in its table
/// (`[iracing]`, `[jsonl]`, `[gt7]` ...). A flag given on the command line wins over the file.
/// Unknown keys are refused, so a typo never silently keeps a default.
public struct ClientConfigFile: Sendable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
    }

    /// Keys outside any table.
    public let top: ConfigTable
    private let tables: [String: ConfigTable]
    public let path: String?

    /// No file: every lookup is nil.
    public static let empty = ClientConfigFile(top: ConfigTable(name: "", values: [:]), tables: [:], path: nil)

    init(top: ConfigTable, tables: [String: ConfigTable], path: String?) {
        self.top = top
        self.tables = tables
        self.path = path
    }

    public static func read(path: String) throws(ClientSettingsError) -> ClientConfigFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ClientSettingsError(.configUnreadable, "cannot read the config file \(path): \(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String? = nil) throws(ClientSettingsError) -> ClientConfigFile {
        let name = path ?? "config"
        let document: TOMLTable
        do { document = try TOMLTable(string: text) } catch {
            let line = (error as? TOMLParseError).map { " at line \($0.source.begin.line)" } ?? ""
            throw ClientSettingsError(.configUnreadable, "\(name) is not valid TOML\(line)")
        }
        var top: [String: Value] = [:]
        var tables: [String: ConfigTable] = [:]
        for (key, node) in document {
            if let table = node.table {
                var values: [String: Value] = [:]
                for (inner, value) in table { values[inner] = try convert(value, key: "\(key).\(inner)", file: name) }
                tables[key] = ConfigTable(name: key, values: values)
            } else {
                top[key] = try convert(node, key: key, file: name)
            }
        }
        return ClientConfigFile(top: ConfigTable(name: "", values: top), tables: tables, path: path)
    }

    /// A source's table (`[gt7]`); empty when the file has none.
    public func table(_ name: String) -> ConfigTable { tables[name] ?? ConfigTable(name: name, values: [:]) }

    /// Refuses tables no command knows (`[gt8]`).
    public func rejectUnknownTables(known: Set<String>) throws(ClientSettingsError) {
        if let unknown = tables.keys.sorted().first(where: { !known.contains($0) }) {
            throw ClientSettingsError(.configUnknownKey, "unknown table [\(unknown)] in \(path ?? "config"); known: \(known.sorted().joined(separator: ", "))")
        }
    }

    private static func convert(_ value: any TOMLValueConvertible, key: String, file: String) throws(ClientSettingsError) -> Value {
        switch value.type {
        case .string: if let text = value.string { return .string(text) }
        case .int: if let number = value.int { return .integer(number) }
        case .double: if let number = value.double { return .float(number) }
        case .bool: if let flag = value.bool { return .boolean(flag) }
        default: break
        }
        throw ClientSettingsError(.configWrongType, "\(key) in \(file) must be a string, number or boolean")
    }
}

/// One level of the config file: typed lookups that name the key when the type is wrong.
public struct ConfigTable: Sendable {
    public let name: String
    let values: [String: ClientConfigFile.Value]

    private func key(_ key: String) -> String { name.isEmpty ? key : "\(name).\(key)" }

    public func string(_ key: String) throws(ClientSettingsError) -> String? {
        switch values[key] {
        case nil: return nil
        case .string(let text)?: return text
        default: throw ClientSettingsError(.configWrongType, "\(self.key(key)) must be a string")
        }
    }

    public func integer(_ key: String) throws(ClientSettingsError) -> Int? {
        switch values[key] {
        case nil: return nil
        case .integer(let number)?: return number
        default: throw ClientSettingsError(.configWrongType, "\(self.key(key)) must be an integer")
        }
    }

    public func number(_ key: String) throws(ClientSettingsError) -> Double? {
        switch values[key] {
        case nil: return nil
        case .integer(let number)?: return Double(number)
        case .float(let number)?: return number
        default: throw ClientSettingsError(.configWrongType, "\(self.key(key)) must be a number")
        }
    }

    public func boolean(_ key: String) throws(ClientSettingsError) -> Bool? {
        switch values[key] {
        case nil: return nil
        case .boolean(let flag)?: return flag
        default: throw ClientSettingsError(.configWrongType, "\(self.key(key)) must be true or false")
        }
    }

    /// Refuses keys that are not in `known` (a typo would otherwise silently keep a default).
    public func rejectUnknownKeys(known: Set<String>) throws(ClientSettingsError) {
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw ClientSettingsError(
                .configUnknownKey, "unknown key \(key(unknown)) in the config file; known: \(known.sorted().joined(separator: ", "))")
        }
    }
}
