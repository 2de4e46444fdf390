import Foundation

/// Bytes laid out as iRacing's live shared memory (`irsdk_header`, variable headers, YAML and
/// rotating row buffers). The sim writes into it while we read, so the reader only ever copies
/// small ranges out and judges their consistency itself; it never keeps a pointer into it.
public protocol LiveMemoryRegion {
    var byteCount: Int { get }
    /// A copy of `count` bytes at `offset`; the reader has checked the range lies inside.
    func copyBytes(from offset: Int, count: Int) -> [UInt8]
}

/// A region frozen in memory: a dump of the map (reference data, tests) or any captured copy.
public struct LiveMemorySnapshot: LiveMemoryRegion, Sendable {
    public let data: Data

    public init(data: Data) {
        self.data = data
    }

    public init(contentsOf url: URL) throws(LiveTelemetryError) {
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unavailable(reason: "cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    public var byteCount: Int { data.count }

    public func copyBytes(from offset: Int, count: Int) -> [UInt8] {
        let start = data.startIndex + offset
        return [UInt8](data[start..<(start + count)])
    }
}
