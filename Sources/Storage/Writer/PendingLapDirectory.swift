import Coaching
import Foundation

/// Laps that could not be stored (disk full, database busy), kept as files until they are, so
/// a lap is never lost silently: not when memory for waiting laps runs out, not at shutdown.
///
/// One file per lap (`PendingLapFile`), named after the lap's identity in the store (session,
/// lap number, first-frame session time), so spilling the same lap twice writes one file and
/// storing it twice stores it once (`LapWriter`'s idempotency). Files are written to a
/// temporary name, fsynced, then renamed: a crash leaves the whole file or none. A file that
/// does not check out is renamed `*.corrupt` and left for the operator, never deleted.
public struct PendingLapDirectory: Sendable {
    public let directory: URL
    static let fileExtension = "tbpl"

    public init(directory: URL) {
        self.directory = directory
    }

    /// The directory beside a database file: `<data_dir>/pending-laps`.
    public init?(besideDatabase database: TrailbrakeDatabase) {
        guard let path = database.path else { return nil }
        self.init(directory: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("pending-laps"))
    }

    /// Encodes the lap and writes it to its file (durably); returns the file's description.
    @discardableResult
    public func spill(_ lap: CompletedLap, sessionID: String, driverID: Int64) throws(StorageError) -> SpilledLap {
        let prepared = try PreparedLap(lap)
        let bytes = try PendingLapFile.encode(prepared, sessionID: sessionID, driverID: driverID)
        let url = directory.appendingPathComponent(Self.fileName(sessionID: sessionID, prepared: prepared))
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.writeDurably(bytes, to: url)
        } catch {
            throw .databaseFailure("writing pending lap file \(url.lastPathComponent): \(error)")
        }
        return SpilledLap(
            url: url, sessionID: sessionID, driverID: driverID, lapNumber: lap.lapNumber, frameCount: prepared.frameCount)
    }

    /// The pending lap files here, oldest first, at most `limit`; a file that does not decode is
    /// renamed `*.corrupt` and skipped.
    public func list(limit: Int) -> [SpilledLap] {
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        guard let urls = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys) else {
            return []
        }
        let files = urls.filter { $0.pathExtension == Self.fileExtension }
            .map { url in
                (url, (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast)
            }
            .sorted { ($0.1, $0.0.lastPathComponent) < ($1.1, $1.0.lastPathComponent) }
            .map(\.0)
        var found: [SpilledLap] = []
        for url in files where found.count < limit {
            do {
                let header = try read(url).header
                found.append(SpilledLap(
                    url: url, sessionID: header.sessionID, driverID: header.driverID, lapNumber: header.lapNumber,
                    frameCount: header.frameCount))
            } catch {
                quarantine(url)
            }
        }
        return found
    }

    /// Stores the lap of `spilled` through `writer` and deletes its file; returns the lap id.
    /// A file that does not decode is quarantined and `.corruptBlob` thrown.
    public func store(_ spilled: SpilledLap, writer: LapWriter) async throws(StorageError) -> Int64 {
        let decoded: (header: PendingLapFile.Header, prepared: PreparedLap)
        do { decoded = try read(spilled.url) } catch {
            if case .corruptBlob = error { quarantine(spilled.url) }
            throw error
        }
        let lapID: Int64
        do {
            lapID = try await writer.insert(decoded.prepared, sessionID: decoded.header.sessionID, driverID: decoded.header.driverID)
        } catch {
            throw StorageError.translating(error)
        }
        try? FileManager.default.removeItem(at: spilled.url)
        return lapID
    }

    private func read(_ url: URL) throws(StorageError) -> (header: PendingLapFile.Header, prepared: PreparedLap) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .databaseFailure("reading pending lap file \(url.lastPathComponent): \(error)")
        }
        return try PendingLapFile.decode([UInt8](data))
    }

    private func quarantine(_ url: URL) {
        try? FileManager.default.moveItem(at: url, to: url.appendingPathExtension("corrupt"))
    }

    static func fileName(sessionID: String, prepared: PreparedLap) -> String {
        let safeSession = sessionID.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return "\(safeSession)-\(prepared.lap.lapNumber)-\(String(prepared.startTime.bitPattern, radix: 16)).\(fileExtension)"
    }

    /// Temporary file, fsync, rename, fsync of the directory: the file survives a power loss.
    static func writeDurably(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.appendingPathExtension("tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        if let directory = try? FileHandle(forReadingFrom: url.deletingLastPathComponent()) {
            try? directory.synchronize()
            try? directory.close()
        }
    }
}

/// A lap waiting in a `PendingLapDirectory` file.
public struct SpilledLap: Sendable, Equatable {
    public var url: URL
    public var sessionID: String
    public var driverID: Int64
    public var lapNumber: Int32
    public var frameCount: Int

    public init(url: URL, sessionID: String, driverID: Int64, lapNumber: Int32, frameCount: Int) {
        self.url = url
        self.sessionID = sessionID
        self.driverID = driverID
        self.lapNumber = lapNumber
        self.frameCount = frameCount
    }
}
