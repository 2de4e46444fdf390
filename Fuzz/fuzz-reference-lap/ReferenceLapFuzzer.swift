import Foundation
import FuzzSupport
import Telemetry

// A reference lap file (ReferenceLapFile: versioned JSON, validation) as the server loads it
// from its reference directory, then a live session coached against it. Seeds: the shipped
// references, shortened to a few hundred metres so that mutations stay small, and whole.

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedWriter.runIfAsked { sources in
        let shipped = sources.repositoryFiles(in: "ReferenceLaps", endingWith: ".reference.json").compactMap {
            try? ReferenceLapFile.read(from: $0)
        }
        let shortened = shipped.flatMap { lap in [2, 40, 300].map { shorten(lap, to: $0) } }
        return (shortened + [CoachedDrive.clubReference]).map { Array(ReferenceLapFile.encode($0)) }
    }
    return 0
}

/// The first `count` metres of `lap`, as a lap of its own on a track that long.
private func shorten(_ lap: ReferenceLap, to count: Int) -> ReferenceLap {
    var short = lap
    let end = min(count, lap.count)
    short.time = Array(lap.time[..<end])
    short.speed = Array(lap.speed[..<end])
    short.throttle = Array(lap.throttle[..<end])
    short.brake = Array(lap.brake[..<end])
    short.steering = Array(lap.steering[..<end])
    short.gear = Array(lap.gear[..<end])
    short.metadata.track.length = Double(end)
    short.metadata.lapTime = Double(short.time[end - 1]) + 0.1
    return short
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let lap = try? ReferenceLapFile.decode(input.data) else { return 0 }
    CoachedDrive.run(reference: lap, trackMap: nil)
    return 0
}
