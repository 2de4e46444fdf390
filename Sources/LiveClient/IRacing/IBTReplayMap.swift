import Foundation
import Synchronization
import Telemetry

/// An .ibt file played back as iRacing's live map: the same header, variable headers and
/// session YAML, with the file's rows written one sim tick at a time into three rotating
/// buffers, as the sim does. The reader sees exactly what it would see on Windows.
///
/// Pacing: `speed` times real time (60 ticks a second at 1). `lossless` writes the next row
/// only once the previous one was read, never overwriting an unread row (tests, fast replays
/// on a loaded machine); otherwise rows are written on the clock and a slow reader misses
/// some, as with the real sim. Not `Sendable`: one task writes and reads it.
public final class IBTReplayMap: IRacingTelemetryMap {
    public static let bufferCount = 3

    private var bytes: [UInt8]
    private let rows: Data
    private let rowCount: Int
    private let rowLength: Int
    private let bufferOffsets: [Int]
    private let speed: Double
    private let lossless: Bool
    private let tickRate: Double
    /// The next row of the file to write, and the tick it is written at.
    private var nextRow = 0
    private var start: ContinuousClock.Instant?
    public private(set) var hasEnded = false

    public init(file url: URL, speed: Double, lossless: Bool) throws(LiveTelemetryError) {
        let data: Data
        let file: IBTFile
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
            file = try IBTFile(data: data)
        } catch let error as IBTError {
            throw .layout(error)
        } catch {
            throw .unavailable(reason: "cannot read \(url.path): \(error.localizedDescription)")
        }
        guard speed > 0, speed.isFinite else { throw .unavailable(reason: "the replay speed must be a positive number") }
        let header = file.header
        rowLength = Int(header.bufferLength)
        rowCount = file.rowCount
        tickRate = Double(header.tickRate)
        self.speed = speed
        self.lossless = lossless
        let rowsStart = Int(header.bufferOffset)
        rows = data.subdata(in: (data.startIndex + rowsStart)..<(data.startIndex + rowsStart + rowCount * rowLength))
        // Layout as in the live map: header, session YAML at 112, variable headers, three rows.
        let yaml = Array(file.sessionInfoYAML.utf8) + [0]
        let variableHeaders = Int(header.variableCount) * IBTVariable.headerSize
        let variableStart = Int(header.variableHeaderOffset)
        let sessionOffset = IBTHeader.size
        let variablesOffset = sessionOffset + yaml.count
        let firstBuffer = variablesOffset + variableHeaders
        let length = rowLength
        bufferOffsets = (0..<Self.bufferCount).map { firstBuffer + $0 * length }
        bytes = [UInt8](repeating: 0, count: firstBuffer + Self.bufferCount * length)
        bytes.replaceSubrange(sessionOffset..<(sessionOffset + yaml.count), with: yaml)
        bytes.replaceSubrange(variablesOffset..<firstBuffer, with: data[(data.startIndex + variableStart)..<(data.startIndex + variableStart + variableHeaders)])
        for (offset, value) in [
            (0, Int32(2)), (4, 1), (8, header.tickRate), (12, 1), (16, Int32(yaml.count)), (20, Int32(sessionOffset)),
            (24, header.variableCount), (28, Int32(variablesOffset)), (32, Int32(Self.bufferCount)), (36, header.bufferLength),
        ] { write(value, at: offset) }
        for (index, offset) in bufferOffsets.enumerated() {
            write(Int32(-1 - index), at: 48 + index * 16)  // no tick yet: below any real one
            write(Int32(offset), at: 52 + index * 16)
        }
    }

    public var byteCount: Int { bytes.count }

    public func copyBytes(from offset: Int, count: Int) -> [UInt8] { Array(bytes[offset..<(offset + count)]) }

    /// Publishes another session YAML and bumps the update counter, as the sim does when the
    /// session, track or car changes.
    public func publishSessionInfo(_ yaml: String) {
        let text = Array(yaml.utf8) + [0]
        let offset = IBTHeader.size
        let room = Int(readInt32(at: 28)) - offset
        let fitted = Array(text.prefix(room))
        bytes.replaceSubrange(offset..<(offset + room), with: fitted + [UInt8](repeating: 0, count: room - fitted.count))
        write(Int32(fitted.count), at: 16)
        write(readInt32(at: 12) + 1, at: 12)
    }

    /// Writes the rows due by now (lossless: the next one, once its time came) and says
    /// whether a new one was written within `timeout`.
    public func waitForData(timeout: Duration) async -> Bool {
        guard nextRow < rowCount else {
            hasEnded = true
            return false
        }
        let start = self.start ?? .now
        self.start = start
        let due = start + .seconds(Double(nextRow) / tickRate / speed)
        let now = ContinuousClock.now
        if due > now {
            guard due - now <= timeout else {
                try? await Task.sleep(for: timeout)
                return false
            }
            try? await Task.sleep(until: due)
        }
        var last = nextRow
        if !lossless {
            // Every row whose time has come is written; only the newest three survive.
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            last = min(rowCount - 1, max(nextRow, Int(seconds * tickRate * speed)))
        }
        for row in max(nextRow, last - Self.bufferCount + 1)...last { writeRow(row) }
        nextRow = last + 1
        return true
    }

    private func writeRow(_ row: Int) {
        let buffer = row % Self.bufferCount
        let start = rows.startIndex + row * rowLength
        bytes.replaceSubrange(bufferOffsets[buffer]..<(bufferOffsets[buffer] + rowLength), with: rows[start..<(start + rowLength)])
        write(Int32(row + 1), at: 48 + buffer * 16)  // ticks count from 1
    }

    private func write(_ value: Int32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 4), with: $0) }
    }

    private func readInt32(at offset: Int) -> Int32 {
        bytes[offset..<(offset + 4)].withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) }
    }
}

/// Opens the replay files one after another, each a sim "run": between two files the map is
/// gone, as when iRacing restarts, and the next file brings its own session.
public final class IBTReplayOpener: IRacingMapOpener {
    public let files: [URL]
    public let speed: Double
    public let lossless: Bool
    private let next = Mutex(0)

    public init(files: [URL], speed: Double = 1, lossless: Bool = false) {
        self.files = files
        self.speed = speed
        self.lossless = lossless
    }

    public var failuresAreFinal: Bool { true }
    public var isExhausted: Bool { next.withLock { $0 } >= files.count }

    public func open() throws(LiveTelemetryError) -> IBTReplayMap {
        let index = next.withLock { index in
            defer { index += 1 }
            return index
        }
        guard index < files.count else { throw .unavailable(reason: "the replay has ended") }
        return try IBTReplayMap(file: files[index], speed: speed, lossless: lossless)
    }
}
