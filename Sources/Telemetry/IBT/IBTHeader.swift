/// The 112-byte `irsdk_header` at the start of an .ibt file (reference/iracing-data.md 1.2).
public struct IBTHeader: Sendable, Equatable {
    public var version: Int32
    public var status: Int32
    /// Rows per second (60 in every known file).
    public var tickRate: Int32
    public var sessionInfoUpdate: Int32
    public var sessionInfoLength: Int32
    public var sessionInfoOffset: Int32
    public var variableCount: Int32
    public var variableHeaderOffset: Int32
    public var bufferCount: Int32
    /// Bytes per row.
    public var bufferLength: Int32
    /// `varBuf[0].tickCount`: not meaningful in disk files, kept for completeness.
    public var tickCount: Int32
    /// `varBuf[0].bufOffset`: absolute offset of row 0.
    public var bufferOffset: Int32

    public static let size = 112
}

/// The 32-byte `irsdk_diskSubHeader` that follows the header in disk files.
public struct IBTDiskHeader: Sendable, Equatable {
    /// Unix seconds (UTC) when logging started.
    public var sessionStartDate: Int64
    /// `SessionTime` of the first and last rows.
    public var sessionStartTime: Double
    public var sessionEndTime: Double
    public var sessionLapCount: Int32
    public var sessionRecordCount: Int32

    public static let size = 32
}

extension IBTHeader {
    init(_ bytes: UnsafeRawBufferPointer) {
        var reader = LittleEndianReader(bytes: bytes, offset: 0)
        version = reader.int32()
        status = reader.int32()
        tickRate = reader.int32()
        sessionInfoUpdate = reader.int32()
        sessionInfoLength = reader.int32()
        sessionInfoOffset = reader.int32()
        variableCount = reader.int32()
        variableHeaderOffset = reader.int32()
        bufferCount = reader.int32()
        bufferLength = reader.int32()
        reader.offset = 48  // after pad1[2]
        tickCount = reader.int32()
        bufferOffset = reader.int32()
    }
}

extension IBTDiskHeader {
    init(_ bytes: UnsafeRawBufferPointer) {
        var reader = LittleEndianReader(bytes: bytes, offset: IBTHeader.size)
        sessionStartDate = Int64(bitPattern: reader.uint64())
        sessionStartTime = reader.double()
        sessionEndTime = reader.double()
        sessionLapCount = reader.int32()
        sessionRecordCount = reader.int32()
    }
}
