/// Reads iRacing's live shared-memory layout from any `LiveMemoryRegion`: the Windows map
/// (`IRSDKSharedMemory`) in a client, a dump of it in tests.
///
/// The sim rotates rows through `numBuf` (3) buffers and raises each buffer's tick count after
/// writing it. A read picks the buffer with the highest tick, copies the row, and checks the tick
/// again: if the sim lapped round to that buffer meanwhile, the copy may mix two rows, so it is
/// thrown away and the read retried. The session YAML is re-read only when its update counter moves.
public struct LiveTelemetryReader<Region: LiveMemoryRegion> {
    public let region: Region
    /// The header as it was on open; variables and row length are fixed until the sim restarts.
    public let header: LiveHeader
    public let variables: [IBTVariable]
    private let variableIndex: [String: Int]

    public init(region: Region) throws(LiveTelemetryError) {
        guard region.byteCount >= IBTHeader.size else {
            throw .layout(region.byteCount == 0 ? .emptyFile : .tooSmall(size: region.byteCount, needed: IBTHeader.size))
        }
        let header = try Self.readHeader(region)
        let base = header.base
        let table = region.copyBytes(from: Int(base.variableHeaderOffset), count: Int(base.variableCount) * IBTVariable.headerSize)
        // Typed throws do not pass through `withUnsafeBytes`, so the outcome is carried out.
        let parsed: Result<[IBTVariable], IBTError> = table.withUnsafeBytes { raw in
            do throws(IBTError) {
                return .success(try (0..<Int(base.variableCount)).map { (position: Int) throws(IBTError) in
                    try IBTVariable(raw, at: position * IBTVariable.headerSize, rowLength: Int(base.bufferLength))
                })
            } catch {
                return .failure(error)
            }
        }
        let variables: [IBTVariable]
        switch parsed {
        case .success(let list): variables = list
        case .failure(let error): throw .layout(error)
        }
        self.region = region
        self.header = header
        self.variables = variables
        var index: [String: Int] = [:]
        for (position, variable) in variables.enumerated() where index[variable.name] == nil { index[variable.name] = position }
        variableIndex = index
    }

    public func variable(named name: String) -> IBTVariable? {
        variableIndex[name].map { variables[$0] }
    }

    /// The current header: buffer ticks, status and the session-info counter move all the time.
    public func currentHeader() throws(LiveTelemetryError) -> LiveHeader {
        let current = try Self.readHeader(region)
        guard current.base.variableCount == header.base.variableCount,
              current.base.variableHeaderOffset == header.base.variableHeaderOffset,
              current.base.bufferLength == header.base.bufferLength else { throw .layoutChanged }
        return current
    }

    /// The newest complete row, copied consistently (see the type's comment).
    public func latestRow(attempts: Int = 4) throws(LiveTelemetryError) -> LiveRow {
        for _ in 0..<max(attempts, 1) {
            let before = try currentHeader()
            guard before.isConnected else { throw .notConnected }
            guard let newest = before.newestBuffer,
                  let slot = before.buffers.firstIndex(of: newest) else { continue }
            if newest.tickCountBegin != 0 && newest.tickCountBegin != newest.tickCount { continue }  // being written
            let bytes = region.copyBytes(from: Int(newest.offset), count: Int(before.base.bufferLength))
            let after = try currentHeader().buffers[slot]
            if after.tickCount == newest.tickCount && after.offset == newest.offset {
                return LiveRow(tickCount: newest.tickCount, bytes: bytes)
            }
        }
        throw .tornRead(attempts: max(attempts, 1))
    }

    /// The row as a frame, channels looked up by name as for .ibt files.
    public func frame(of row: LiveRow) throws(LiveTelemetryError) -> TelemetryFrame {
        let channels: IBTFrameChannels
        do throws(IBTError) {
            channels = try IBTFrameChannels(lookup: variable(named:))
        } catch {
            throw .layout(error)
        }
        return row.bytes.withUnsafeBytes { channels.frame(IBTRowReader(bytes: $0, rowStart: 0)) }
    }

    /// The session info when its update counter differs from `lastUpdate` (nil: always), read
    /// consistently (the counter must not move during the copy); nil when unchanged.
    public func sessionInfo(ifChangedSince lastUpdate: Int32?) throws(LiveTelemetryError) -> (update: Int32, info: IBTSessionInfo)? {
        let before = try currentHeader().base
        if let lastUpdate, before.sessionInfoUpdate == lastUpdate { return nil }
        let bytes = region.copyBytes(from: Int(before.sessionInfoOffset), count: Int(before.sessionInfoLength))
        guard try currentHeader().base.sessionInfoUpdate == before.sessionInfoUpdate else {
            throw .tornRead(attempts: 1)
        }
        do throws(IBTError) {
            return (before.sessionInfoUpdate, try IBTSessionInfo(yaml: IBTText.decode(bytes[...])))
        } catch {
            throw .layout(error)
        }
    }

    private static func readHeader(_ region: Region) throws(LiveTelemetryError) -> LiveHeader {
        do throws(IBTError) {
            return try LiveHeader(region.copyBytes(from: 0, count: IBTHeader.size), regionSize: region.byteCount)
        } catch {
            throw .layout(error)
        }
    }
}
