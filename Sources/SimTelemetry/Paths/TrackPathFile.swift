import Foundation
import Telemetry

/// A recorded `TrackPath` on disk, so a later session (or a reference lap's path) spares the
/// driver the recording lap: `{"format":"trailbrake-track-path","version":1,"sim":"gt7",
/// "track":{...},"points":[[x,z],...]}`, points in world metres rounded to 1 mm.
public struct TrackPathFile: Sendable, Equatable {
    public static let format = "trailbrake-track-path"
    public static let version = 1
    /// Refuse files larger than this before parsing (a 25,000-point path is about 600 KB).
    public static let maximumBytes = 4 << 20

    public var sim: String
    public var track: TrackDescriptor
    public var path: TrackPath

    public init(sim: String, track: TrackDescriptor, path: TrackPath) {
        self.sim = sim
        self.track = track
        self.path = path
    }

    /// `<directory>/<sim>-<track key>.trackpath.json`, a name safe on every file system.
    public static func fileName(sim: String, track: TrackDescriptor) -> String {
        let key = "\(sim) \(track.name) \(track.configuration)".lowercased()
        let safe = key.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" }
        let collapsed = String(safe).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return "\(collapsed).trackpath.json"
    }

    public func encoded() throws -> Data {
        let document = Document(
            format: Self.format, version: Self.version, sim: sim, track: track,
            points: path.points.map { [($0.x * 1000).rounded() / 1000, ($0.z * 1000).rounded() / 1000] })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document)
    }

    public static func decode(_ data: Data) throws(TrackPathFileError) -> TrackPathFile {
        guard data.count <= maximumBytes else { throw .tooLarge(data.count) }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw .malformed(String(describing: error))
        }
        guard document.format == format else { throw .wrongFormat(document.format) }
        guard document.version == version else { throw .unsupportedVersion(document.version) }
        guard document.points.allSatisfy({ $0.count == 2 }),
              let path = TrackPath(points: document.points.map { TrackPath.Point(x: $0[0], z: $0[1]) })
        else { throw .invalidPath }
        guard document.track.length > 0, document.track.length.isFinite else { throw .invalidPath }
        return TrackPathFile(sim: document.sim, track: document.track, path: path)
    }

    public static func read(_ url: URL) throws(TrackPathFileError) -> TrackPathFile {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard size <= maximumBytes else { throw TrackPathFileError.tooLarge(size) }
            data = try Data(contentsOf: url)
        } catch let error as TrackPathFileError {
            throw error
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        return try decode(data)
    }

    /// Writes atomically (a crash never leaves half a file for the next session to refuse).
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }

    private struct Document: Codable {
        var format: String
        var version: Int
        var sim: String
        var track: TrackDescriptor
        var points: [[Double]]
    }
}

/// Why a track-path file was refused; `code` is stable.
public enum TrackPathFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case tooLarge(Int)
    case malformed(String)
    case wrongFormat(String)
    case unsupportedVersion(Int)
    case invalidPath

    public var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .tooLarge: "too_large"
        case .malformed: "malformed"
        case .wrongFormat: "wrong_format"
        case .unsupportedVersion: "unsupported_version"
        case .invalidPath: "invalid_path"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let why): "\(code): \(why)"
        case .tooLarge(let bytes): "\(code): \(bytes) bytes (at most \(TrackPathFile.maximumBytes))"
        case .malformed(let why): "\(code): \(why)"
        case .wrongFormat(let format): "\(code): \"\(format)\" is not \(TrackPathFile.format)"
        case .unsupportedVersion(let version): "\(code): version \(version)"
        case .invalidPath: "\(code): fewer than \(TrackPath.minimumPointCount) points, a point that is not [x, z], or no track length"
        }
    }
}
