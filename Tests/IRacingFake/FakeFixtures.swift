import Foundation
import TestSupport

/// The real iRacing responses in `../shared/data/iracing-api` (see its SOURCES.md), read as
/// JSON objects. Nil when the shared data is absent: the tests that need it skip.
struct FakeFixtures: Sendable {
    let directory: URL

    static func load() -> FakeFixtures? {
        guard let shared = TestData.sharedDataDirectory else { return nil }
        let directory = shared.appendingPathComponent("iracing-api")
        return FileManager.default.fileExists(atPath: directory.path) ? FakeFixtures(directory: directory) : nil
    }

    /// A final body (iracingdataapi/ and iracing-data-client/ files).
    func body(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: try data(path), options: [.fragmentsAllowed])
    }

    /// The `content` of an aydsko envelope (`{"statuscode"?, "headers", "content"}`).
    func envelopeContent(_ path: String) throws -> Any {
        guard let envelope = try body(path) as? [String: Any], let content = envelope["content"] else {
            throw FixtureError("no content in \(path)")
        }
        return content
    }

    /// The headers of an aydsko envelope.
    func envelopeHeaders(_ path: String) throws -> [String: String] {
        guard let envelope = try body(path) as? [String: Any] else { throw FixtureError("not an envelope: \(path)") }
        return envelope["headers"] as? [String: String] ?? [:]
    }

    /// The file's bytes without a UTF-8 byte order mark (the aydsko files have one).
    private func data(_ path: String) throws -> Data {
        let data = try Data(contentsOf: directory.appendingPathComponent(path))
        return data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Dictionary where Key == String, Value == Any {
    func json() throws -> Data { try JSONSerialization.data(withJSONObject: self, options: [.sortedKeys]) }
}
