import Foundation
import TestSupport

/// The real Discord payloads in `../shared/data/discord` (never copied into the repository).
enum DiscordFixtures {
    static var directory: URL? { TestData.sharedDataDirectory?.appendingPathComponent("discord") }
    static var available: Bool { directory != nil }

    static func data(_ path: String) throws -> Data {
        guard let directory else { throw FixtureMissing(path: path) }
        return try Data(contentsOf: directory.appendingPathComponent(path))
    }

    /// A JSON fixture as a mutable dictionary.
    static func object(_ path: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data(path)) as? [String: Any] else { throw FixtureMissing(path: path) }
        return object
    }

    /// A captured HTTP response (`rest/*.http`): its headers and JSON body.
    static func httpCapture(_ path: String) throws -> (headers: [(String, String)], body: [String: Any]) {
        let text = String(decoding: try data(path), as: UTF8.self)
        let sections = text.components(separatedBy: "\n\n")
        let headerLines = sections[0].split(separator: "\n").dropFirst()
        let headers = headerLines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = sections.dropFirst().joined(separator: "\n\n")
        let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        return (headers, object)
    }

    struct FixtureMissing: Error { let path: String }
}

func json(_ object: Any) -> Data {
    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
}
