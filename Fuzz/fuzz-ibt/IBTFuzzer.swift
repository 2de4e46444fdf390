import FuzzSupport
import Telemetry

// An iRacing .ibt file through `reference import` (IBTFile: headers, variable table, session-info
// YAML, rows; then the live lap tracker, resampling and the track map), and every variable of
// the first and last row read the way tools read them. Seeds: the shared data's .ibt files.

private let scratch = ScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    if let file = try? IBTFile(data: input.data) {
        for variable in file.variables {
            for row in [0, file.rowCount - 1] { _ = file.value(of: variable, row: row, element: max(0, variable.count - 1)) }
        }
    }
    guard let url = scratch.write(input.bytes, named: "fuzz.ibt") else { return 0 }
    defer { scratch.remove(url) }
    ImportPipeline.run(url)
    return 0
}
