import FuzzSupport

// Every CSV lap export through `reference import`: MoTeC i2, Garage 61, the iRacing lap CSV and
// the normalised road CSVs (LapExport picks by content; UTF-8 or Windows-1252), then lap
// splitting, resampling and the track map. The input's first line is the file name (Garage 61
// puts driver, car, track and lap time there), the rest the file. Seeds: the shared data's CSVs.

private let scratch = ScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let newline = input.bytes.firstIndex(of: UInt8(ascii: "\n")) ?? input.bytes.count
    var name = String(decoding: input.bytes[..<newline], as: UTF8.self)
    if !name.lowercased().hasSuffix(".csv") { name += ".csv" }
    let body = UnsafeRawBufferPointer(rebasing: input.bytes[min(input.bytes.count, newline + 1)...])
    guard let url = scratch.write(body, named: name) else { return 0 }
    defer { scratch.remove(url) }
    ImportPipeline.run(url)
    return 0
}
