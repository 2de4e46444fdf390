import FuzzSupport
import Telemetry

// The .ibt session-info YAML (IBTSessionInfo: SessionInfoYAML's repairs, then Yams), as the .ibt
// reader and the live memory map hand it over. Seeds: the session YAML of every real recording
// (scripts/fuzz-seeds.sh copies the shared data's `*.session.yaml`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let info = try? IBTSessionInfo(yaml: input.text) else { return 0 }
    _ = info.sessionDescriptor
    _ = info.sessionTypes
    return 0
}
