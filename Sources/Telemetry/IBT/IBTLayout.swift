/// The checked structure of an .ibt file: headers, variables, where the YAML lies and how many
/// rows fit.
/// Building it performs every bounds check the reader relies on (reference/iracing-data.md 1.2).
struct IBTLayout {
    let header: IBTHeader
    let diskHeader: IBTDiskHeader
    let variables: [IBTVariable]
    let rowCount: Int
    /// The session-info bytes (NUL padding included), proven to lie inside the file.
    let sessionInfoBytes: Range<Int>

    init(_ bytes: UnsafeRawBufferPointer) throws(IBTError) {
        let header = IBTHeader(bytes)
        let size = bytes.count
        guard header.version == 1 || header.version == 2 else { throw .unsupportedVersion(header.version) }
        try Self.require(header.tickRate > 0, "tickRate", header.tickRate)
        try Self.require(header.bufferCount >= 1, "numBuf", header.bufferCount)
        try Self.require(header.bufferLength > 0, "bufLen", header.bufferLength)
        try Self.require(header.variableCount >= 0, "numVars", header.variableCount)
        try Self.require(header.sessionInfoLength >= 0, "sessionInfoLen", header.sessionInfoLength)
        let headersEnd = IBTHeader.size + IBTDiskHeader.size
        try Self.require(Int(header.bufferOffset) >= headersEnd, "varBuf[0].bufOffset", header.bufferOffset)

        let variablesLength = Int(header.variableCount) * IBTVariable.headerSize
        try Self.within(size, "variable headers", Int(header.variableHeaderOffset), variablesLength)
        try Self.within(size, "session info", Int(header.sessionInfoOffset), Int(header.sessionInfoLength))
        try Self.within(size, "rows", Int(header.bufferOffset), 0)

        let diskHeader = IBTDiskHeader(bytes)
        try Self.require(diskHeader.sessionRecordCount >= 0, "sessionRecordCount", diskHeader.sessionRecordCount)

        var variables: [IBTVariable] = []
        variables.reserveCapacity(Int(header.variableCount))
        for position in 0..<Int(header.variableCount) {
            let start = Int(header.variableHeaderOffset) + position * IBTVariable.headerSize
            variables.append(try IBTVariable(bytes, at: start, rowLength: Int(header.bufferLength)))
        }

        let rowsInFile = (size - Int(header.bufferOffset)) / Int(header.bufferLength)
        self.header = header
        self.diskHeader = diskHeader
        self.variables = variables
        rowCount = min(Int(diskHeader.sessionRecordCount), rowsInFile)
        guard rowCount > 0 else { throw .noRows(recorded: Int(diskHeader.sessionRecordCount)) }
        let yamlStart = Int(header.sessionInfoOffset)
        sessionInfoBytes = yamlStart..<(yamlStart + Int(header.sessionInfoLength))
    }

    private static func require(_ condition: Bool, _ field: String, _ value: some BinaryInteger) throws(IBTError) {
        guard condition else { throw .invalidHeader(field: field, value: Int64(value)) }
    }

    private static func within(_ size: Int, _ section: String, _ offset: Int, _ length: Int) throws(IBTError) {
        guard offset >= 0, length >= 0, offset + length <= size else {
            throw .outOfBounds(section: section, offset: Int64(offset), length: Int64(length), fileSize: size)
        }
    }
}
