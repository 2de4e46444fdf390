import Coaching
import Dispatch
import Foundation
import ReferenceTools
import Synchronization
import Telemetry

/// The library the server started with plus what was imported since, and imports written to the
/// reference directory as `trailbrake reference import --best` writes them (so the next start
/// coaches with them). One import at a time (it reads and resamples a whole recording on a thread
/// of its own, off the cooperative pool); another meanwhile is refused as `busy`.
public final class DirectoryReferenceShelf: ReferenceShelf {
    let directory: URL
    private let state: Mutex<(entries: [ReferenceLibrary.Entry], importing: Bool)>

    public init(library: ReferenceLibrary, directory: URL) {
        self.directory = directory
        state = Mutex((library.entries, false))
    }

    public func entries() async -> [ReferenceLibrary.Entry] { state.withLock { $0.entries } }

    public func importRecording(
        _ bytes: [UInt8], fileName: String, track: String?, configuration: String?, length: Double?
    ) async throws -> [String] {
        let fileExtension = (fileName as NSString).pathExtension.lowercased()
        guard fileExtension == "ibt" || fileExtension == "csv" else {
            throw ReferenceImportRefusal(code: "unsupported_file", reason: "only .ibt and .csv lap files can be imported")
        }
        guard state.withLock({ state in
            if state.importing { return false }
            state.importing = true
            return true
        }) else { throw ReferenceImportRefusal(code: "busy", reason: "another import is running; try again when it has finished") }
        defer { state.withLock { $0.importing = false } }
        let overrides = RecordingOverrides(track: track, configuration: configuration, length: length)
        let directory = directory
        let imported: Result<[ReferenceLibrary.Entry], ReferenceImportRefusal> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Self.run(bytes, fileExtension: fileExtension, overrides: overrides, into: directory))
            }
        }
        let entries = try imported.get()
        state.withLock { $0.entries += entries }
        return entries.map { "\($0.reference.metadata.track.name) · \($0.reference.metadata.car)" }
    }

    /// Writes the upload to a private temporary file (the readers take files), imports its best lap.
    static func run(
        _ bytes: [UInt8], fileExtension: String, overrides: RecordingOverrides, into directory: URL
    ) -> Result<[ReferenceLibrary.Entry], ReferenceImportRefusal> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("upload.\(fileExtension)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try Data(bytes).write(to: file)
        } catch {
            return .failure(ReferenceImportRefusal(code: "unwritable", reason: "the server could not keep the upload"))
        }
        do {
            let importer = try LapImporter(recording: try LapRecordingReader.read(file, overrides: overrides))
            let imported = try importer.run(.best, into: directory)
            return .success(imported.map { item in
                let map = try? TrackMapFile.read(from: directory.appendingPathComponent("\(item.baseName).\(TrackMapFile.fileExtension)"))
                return ReferenceLibrary.Entry(reference: item.reference, trackMap: map)
            })
        } catch {
            // The message names the temporary file; the reader sees "upload.ibt" instead.
            let reason = error.description.replacingOccurrences(of: file.path, with: file.lastPathComponent)
            return .failure(ReferenceImportRefusal(code: error.code, reason: reason))
        }
    }
}
