#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// This process's resident memory, for the `process_resident_memory_bytes` gauge.
enum ProcessMemory {
    /// Resident set size in bytes from `/proc/self/statm` (Linux); nil where there is no such file.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: max(pageSize, 1))
        return overflow ? nil : bytes
    }
}
