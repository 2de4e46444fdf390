/// The live map's `irsdk_header` with every rotating buffer's descriptor.
///
/// Unlike a disk file there is no disk sub-header: the YAML usually starts at byte 112, and
/// `varBuf[0..<numBuf]` each name a row buffer and the sim tick last written into it.
public struct LiveHeader: Sendable, Equatable {
    /// One `irsdk_varBuf`: the tick of the row it holds and where that row lies.
    public struct Buffer: Sendable, Equatable {
        /// Written by the sim AFTER the row is complete.
        public var tickCount: Int32
        public var offset: Int32
        /// Newer SDKs write the tick here BEFORE the row (0 in older sims): a mismatch means torn.
        public var tickCountBegin: Int32
    }

    public var base: IBTHeader
    public var buffers: [Buffer]

    /// `irsdk_StatusField.stConnected`.
    public var isConnected: Bool { base.status & 1 != 0 }

    /// The buffer with the highest tick: the newest complete row.
    public var newestBuffer: Buffer? { buffers.max { $0.tickCount < $1.tickCount } }

    /// `irsdk_MAX_BUFS`: the header has room for four descriptors.
    static let maximumBuffers = 4
    static let descriptorsOffset = 48
    static let descriptorSize = 16
}

extension LiveHeader {
    /// Parses and checks a copy of the first 112 bytes against the region's size.
    init(_ bytes: [UInt8], regionSize: Int) throws(IBTError) {
        let base = bytes.withUnsafeBytes { IBTHeader($0) }
        guard base.version == 1 || base.version == 2 else { throw .unsupportedVersion(base.version) }
        guard base.tickRate > 0 else { throw .invalidHeader(field: "tickRate", value: Int64(base.tickRate)) }
        guard (1...Self.maximumBuffers).contains(Int(base.bufferCount)) else {
            throw .invalidHeader(field: "numBuf", value: Int64(base.bufferCount))
        }
        guard base.bufferLength > 0 else { throw .invalidHeader(field: "bufLen", value: Int64(base.bufferLength)) }
        guard base.variableCount >= 0 else { throw .invalidHeader(field: "numVars", value: Int64(base.variableCount)) }
        guard base.sessionInfoLength >= 0 else {
            throw .invalidHeader(field: "sessionInfoLen", value: Int64(base.sessionInfoLength))
        }
        try Self.within(regionSize, "variable headers", Int(base.variableHeaderOffset), Int(base.variableCount) * IBTVariable.headerSize)
        try Self.within(regionSize, "session info", Int(base.sessionInfoOffset), Int(base.sessionInfoLength))
        var buffers: [Buffer] = []
        bytes.withUnsafeBytes { raw in
            for index in 0..<Int(base.bufferCount) {
                var reader = LittleEndianReader(bytes: raw, offset: Self.descriptorsOffset + index * Self.descriptorSize)
                let tick = reader.int32(), offset = reader.int32(), begin = reader.int32()
                buffers.append(Buffer(tickCount: tick, offset: offset, tickCountBegin: begin))
            }
        }
        for (index, buffer) in buffers.enumerated() {
            try Self.within(regionSize, "varBuf[\(index)] row", Int(buffer.offset), Int(base.bufferLength))
        }
        self.base = base
        self.buffers = buffers
    }

    private static func within(_ size: Int, _ section: String, _ offset: Int, _ length: Int) throws(IBTError) {
        guard offset >= 0, length >= 0, offset + length <= size else {
            throw .outOfBounds(section: section, offset: Int64(offset), length: Int64(length), fileSize: size)
        }
    }
}
