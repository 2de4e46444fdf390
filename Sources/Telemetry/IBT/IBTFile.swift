import Foundation

/// An iRacing telemetry (.ibt) file, memory-mapped and checked on open, its session YAML parsed.
///
/// Every offset the header names is proven to lie inside the file before anything is read, so
/// a truncated or hostile file yields an `IBTError`, never a crash. Channels are resolved by
/// name because their offsets differ between files and sim builds. A caller that needs only
/// rows opens an `IBTReader` instead, which parses the YAML only when asked.
public struct IBTFile: Sendable {
    /// The checked file; its session info is parsed already.
    public let reader: IBTReader
    /// The raw session-info YAML, trailing NULs removed.
    public let sessionInfoYAML: String
    /// The session facts (track, car, sessions, driver) and the whole parsed YAML document.
    public let sessionInfo: IBTSessionInfo

    public var header: IBTHeader { reader.header }
    public var diskHeader: IBTDiskHeader { reader.diskHeader }
    public var variables: [IBTVariable] { reader.variables }
    /// Rows actually present: the recorded count, or fewer when the file was cut short.
    public var rowCount: Int { reader.rowCount }

    /// Opens a file, mapping it into memory rather than reading it.
    public init(contentsOf url: URL) throws(IBTError) {
        try self.init(reader: IBTReader(contentsOf: url))
    }

    public init(data: Data) throws(IBTError) {
        try self.init(reader: IBTReader(data: data))
    }

    /// Parses `reader`'s session info now (once: the reader keeps it), refusing a file whose
    /// YAML cannot be parsed.
    public init(reader: IBTReader) throws(IBTError) {
        self.reader = reader
        sessionInfoYAML = reader.sessionInfoYAML
        sessionInfo = try reader.sessionInfo()
    }

    public func variable(named name: String) -> IBTVariable? { reader.variable(named: name) }

    /// The value of `variable` (element `element` of an array channel) in row `row`, widened to
    /// Double; bools and chars read as 0/1 and their code. Nil when the row or element is out of range.
    public func value(of variable: IBTVariable, row: Int, element: Int = 0) -> Double? {
        reader.value(of: variable, row: row, element: element)
    }

    /// Looks a channel up by name and reads it; nil when the file has no such channel.
    public func value(_ name: String, row: Int) -> Double? { reader.value(name, row: row) }

    /// Every row as a frame (`IBTReader.frames()`).
    public func frames() throws(IBTError) -> [TelemetryFrame] { try reader.frames() }
}
