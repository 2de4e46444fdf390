import Foundation

/// An .ibt file opened to read its channels, its session YAML left alone until asked for.
///
/// Opening checks every header field and offset as `IBTFile` does (a truncated or hostile file
/// is refused, never read out of bounds), but does not decode or parse the YAML: with Yams that
/// costs more than reading every row of a small file (docs/performance.md). `sessionInfo()`
/// parses it on first use and keeps the outcome, so it is parsed at most once per opened file,
/// by whichever copy of the reader asks first. `IBTFile` is this reader with the session info
/// parsed, and so checked, at open.
public struct IBTReader: Sendable {
    public let header: IBTHeader
    public let diskHeader: IBTDiskHeader
    public let variables: [IBTVariable]
    /// Rows actually present: the recorded count, or fewer when the file was cut short.
    public let rowCount: Int

    let data: Data
    private let variableIndex: [String: Int]
    private let sessionInfoBytes: Range<Int>
    private let parsedSessionInfo = SessionInfoOnce()

    /// Opens a file, mapping it into memory rather than reading it.
    public init(contentsOf url: URL) throws(IBTError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(data: data)
    }

    public init(data: Data) throws(IBTError) {
        let headersSize = IBTHeader.size + IBTDiskHeader.size
        guard !data.isEmpty else { throw .emptyFile }
        guard data.count >= headersSize else { throw .tooSmall(size: data.count, needed: headersSize) }
        // Typed throws do not pass through `withUnsafeBytes`, so the outcome is carried out.
        let outcome: Result<IBTLayout, IBTError> = data.withUnsafeBytes { bytes in
            do throws(IBTError) { return .success(try IBTLayout(bytes)) } catch { return .failure(error) }
        }
        let layout = try outcome.get()
        self.data = data
        header = layout.header
        diskHeader = layout.diskHeader
        variables = layout.variables
        rowCount = layout.rowCount
        sessionInfoBytes = layout.sessionInfoBytes
        var index: [String: Int] = [:]
        index.reserveCapacity(variables.count)
        for (position, variable) in variables.enumerated() where index[variable.name] == nil {
            index[variable.name] = position
        }
        variableIndex = index
    }

    /// The raw session-info YAML, trailing NULs removed; decoded on each call.
    public var sessionInfoYAML: String {
        data.withUnsafeBytes { IBTText.decode($0[sessionInfoBytes]) }
    }

    /// The session facts, parsed from the YAML on the first call; every later call, from any
    /// copy of this reader, returns that value (or throws that error) without parsing again.
    public func sessionInfo() throws(IBTError) -> IBTSessionInfo {
        try parsedSessionInfo.value { () throws(IBTError) in try IBTSessionInfo(yaml: sessionInfoYAML) }
    }

    public func variable(named name: String) -> IBTVariable? {
        variableIndex[name].map { variables[$0] }
    }

    /// The value of `variable` (element `element` of an array channel) in row `row`, widened to
    /// Double; bools and chars read as 0/1 and their code. Nil when the row or element is out of range.
    public func value(of variable: IBTVariable, row: Int, element: Int = 0) -> Double? {
        guard (0..<rowCount).contains(row), (0..<variable.count).contains(element) else { return nil }
        return data.withUnsafeBytes { bytes in
            IBTRowReader(bytes: bytes, rowStart: rowStart(row)).number(variable, element: element)
        }
    }

    /// Looks a channel up by name and reads it; nil when the file has no such channel.
    public func value(_ name: String, row: Int) -> Double? {
        variable(named: name).flatMap { value(of: $0, row: row) }
    }

    func rowStart(_ row: Int) -> Int {
        Int(header.bufferOffset) + row * Int(header.bufferLength)
    }
}
