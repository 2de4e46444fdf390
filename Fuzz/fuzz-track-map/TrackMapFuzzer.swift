import FuzzSupport
import Telemetry

// A track map file (TrackMapFile: versioned JSON, validation) as the server loads it beside a
// reference lap, then a live session coached with it. The server does not check that the map
// belongs to the reference's track, so the map is paired with one fixed reference (the club
// circuit's) whatever track it names. Seeds: the shipped track maps (scripts/fuzz-seeds.sh).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let map = try? TrackMapFile.decode(input.data) else { return 0 }
    CoachedDrive.run(reference: CoachedDrive.clubReference, trackMap: map)
    return 0
}
