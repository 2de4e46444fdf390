import Foundation

/// An iRacing telemetry (.ibt) file, memory-mapped and checked on open.
///
/// Every offset the header names is proven to lie inside the file before anything is read, so
/// a truncated or hostile file yields an `IBTError`, never a crash. Channels are resolved by
/// name because their offsets differ between files and sim builds.
public struct IBTFile: Sendable {
    public let header: IBTHeader
    public let diskHeader: IBTDiskHeader
    public let variables: [IBTVariable]
    /// Rows actually present: the recorded count, or fewer when the file was cut short.
    public let rowCount: Int
    /// The raw session-info YAML, trailing NULs removed.
    public let sessionInfoYAML: String
    /// The session facts (track, car, sessions, driver) and the whole parsed YAML document.
    public let sessionInfo: IBTSessionInfo

    let data: Data
    private let variableIndex: [String: Int]

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
        sessionInfoYAML = layout.sessionInfoYAML
        sessionInfo = try IBTSessionInfo(yaml: layout.sessionInfoYAML)
        var index: [String: Int] = [:]
        for (position, variable) in variables.enumerated() where index[variable.name] == nil {
            index[variable.name] = position
        }
        variableIndex = index
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
