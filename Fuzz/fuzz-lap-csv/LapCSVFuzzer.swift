import FuzzSupport
import Telemetry

// LapCSV: the iRacing lap CSV and the normalised road-lap CSV read into frames. Seeds: the
// shared data's derived CSVs (scripts/fuzz-seeds.sh).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = try? LapCSV.parse(input.text)
    return 0
}
