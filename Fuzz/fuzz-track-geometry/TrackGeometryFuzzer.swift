import Coaching
import LapSynthesis
import FuzzSupport
import Telemetry

// A race line or centre line CSV (TrackGeometryCSV, TrackLine) through `trailbrake reference
// synthesize`: curvature at every metre, the synthesised lap and its segmented track map.
// Seeds: the shared data's TUMFTM race lines and centre lines (scripts/fuzz-seeds.sh).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let line = try? TrackGeometryCSV.parse(input.text) else { return 0 }
    _ = try? SynthesisedReference(line: line, name: "Fuzzed", configuration: "", carKey: "gt4", car: .gt4)
    return 0
}
