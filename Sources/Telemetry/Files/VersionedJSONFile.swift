import Foundation

/// What the reference-lap and track-map files share: reading bytes, atomic writes, and the
/// `{"format": ..., "version": ...}` tag every file starts with, checked before the body is
/// decoded so that a wrong file or a newer version gets a precise error.
enum VersionedJSONFile {
    static func data(from url: URL) throws(ReferenceFileError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Readers see the old file or the new one, never half of it.
    static func write(_ data: Data, to url: URL) throws(ReferenceFileError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: url.path, reason: error.localizedDescription)
        }
    }

    static func checkTag(of data: Data, format: String, version: Int) throws(ReferenceFileError) {
        let tag: Tag
        do {
            tag = try JSONDecoder().decode(Tag.self, from: data)
        } catch {
            throw .malformed("no \"format\" and \"version\" (\(JSONText.describe(error)))")
        }
        guard tag.format == format else { throw .wrongFormat(found: tag.format, expected: format) }
        guard tag.version == version else { throw .unsupportedVersion(tag.version) }
    }

    /// Decodes the body, mapping decoding errors to `malformed`.
    static func decode<Document: Decodable>(_ type: Document.Type, from data: Data) throws(ReferenceFileError) -> Document {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .malformed(JSONText.describe(error))
        }
    }

    private struct Tag: Decodable {
        var format: String
        var version: Int
    }
}
