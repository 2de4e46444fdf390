#if os(Windows)
import WinSDK

/// iRacing's live telemetry map on the sim's own machine (Windows only; the server never reads it,
/// a client beside the sim does and sends frames). Open it, wait for the data-valid event each
/// tick, then read rows through `LiveTelemetryReader(region:)`.
///
/// Not `Sendable`: it owns a mapped view that must be unmapped exactly once, by its owner.
public final class IRSDKSharedMemory: LiveMemoryRegion {
    /// Names the sim creates (irsdk_defines.h: IRSDK_MEMMAPFILENAME, IRSDK_DATAVALIDEVENTNAME).
    public static let mapName = "Local\\IRSDKMemMapFileName"
    public static let dataValidEventName = "Local\\IRSDKDataValidEvent"

    public let byteCount: Int
    private let mapping: HANDLE
    private let view: UnsafeMutableRawPointer
    private let dataValidEvent: HANDLE?

    /// Throws `.unavailable` when the sim is not running (it creates the map when it starts).
    public init() throws(LiveTelemetryError) {
        let opened = Self.mapName.withCString(encodedAs: UTF16.self) { OpenFileMappingW(DWORD(FILE_MAP_READ), false, $0) }
        guard let mapping = opened else {
            throw .unavailable(reason: "iRacing is not running (no \(Self.mapName), error \(GetLastError()))")
        }
        guard let view = MapViewOfFile(mapping, DWORD(FILE_MAP_READ), 0, 0, 0) else {
            let code = GetLastError()
            CloseHandle(mapping)
            throw .unavailable(reason: "cannot map \(Self.mapName) (error \(code))")
        }
        var info = MEMORY_BASIC_INFORMATION()
        let described = VirtualQuery(view, &info, SIZE_T(MemoryLayout<MEMORY_BASIC_INFORMATION>.size))
        self.mapping = mapping
        self.view = view
        byteCount = described == 0 ? 0 : Int(info.RegionSize)
        dataValidEvent = Self.dataValidEventName.withCString(encodedAs: UTF16.self) {
            OpenEventW(DWORD(SYNCHRONIZE), false, $0)
        }
    }

    /// Waits until the sim signals a new row (or `milliseconds` pass); false on timeout or without
    /// the event (then poll `LiveTelemetryReader.latestRow` at the tick rate instead).
    public func waitForData(milliseconds: UInt32) -> Bool {
        guard let dataValidEvent else { return false }
        return WaitForSingleObject(dataValidEvent, DWORD(milliseconds)) == 0  // WAIT_OBJECT_0
    }

    public func copyBytes(from offset: Int, count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: view + offset, count: count))
    }

    deinit {
        UnmapViewOfFile(view)
        CloseHandle(mapping)
        if let dataValidEvent { CloseHandle(dataValidEvent) }
    }
}
#endif
