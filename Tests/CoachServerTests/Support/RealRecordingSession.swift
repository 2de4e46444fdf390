import Coaching
import Foundation
import ReferenceTools
import Telemetry
import TestSupport

/// One real recording of ../shared/data as a live session: every frame of the file in file order,
/// the reference a driver would import from it (its fastest valid lap, `LapImporter`), and the
/// `hello` a client streaming it would send.
struct RealRecordingSession: Sendable {
    /// Every telemetry recording in ../shared/data that holds laps (`TestData.lapRecordings`).
    static let paths = TestData.lapRecordings

    let name: String
    let frames: [TelemetryFrame]
    let session: SessionDescriptor
    /// nil when the recording holds no complete, valid lap (three of the .ibt files: a few seconds
    /// at the line, a lap cut by a reset, a lap ending in the pits): streamed all the same, the
    /// coach must then say nothing.
    let reference: ReferenceLap?
    /// The sim's (or export's) number of the reference lap.
    let referenceLap: Int32
    let lapLength: Double
    let library: ReferenceLibrary
    /// Corners as the server finds them on the reference: used only to know where corner N is;
    /// everything measured there is measured from the raw frames (`RawCornerReading`).
    let corners: [TrackMap.Corner]

    init(path: String) throws {
        guard let directory = TestData.sharedDataDirectory else { throw TestFailure("shared/data is absent") }
        var recording = try LapRecordingReader.read(directory.appendingPathComponent(path))
        // Exports name no car; a client must name one in `hello`.
        if recording.car.isEmpty { recording.car = "unnamed car" }
        let importer = try LapImporter(recording: recording)
        name = recording.fileName
        lapLength = importer.split.lapLength
        // A client sends lap distances within the lap (the server refuses others,
        // `distance_out_of_range`): the GT7 exports start some laps a metre before the line.
        frames = recording.frames.filter { $0.lapDistance >= 0 && Double($0.lapDistance) <= importer.split.lapLength }
        session = SessionDescriptor(sim: recording.sim, track: importer.track, car: recording.car, sessionType: "practice")
        if let best = try? importer.select(.best).first {
            let reference = try importer.reference(for: best)
            self.reference = reference
            referenceLap = Int32(best.number)
            library = ReferenceLibrary(entries: [.init(reference: reference, trackMap: nil)])
            corners = TrackSegmenter.trackMap(for: reference, track: importer.track).corners
        } else {
            reference = nil
            referenceLap = -1
            library = ReferenceLibrary(entries: [])
            corners = []
        }
    }

    /// `hello` for this recording, as JSON text (docs/protocol.md).
    func hello() throws -> String { try EndToEndHello.json(for: session) }

    /// Frames of lap `number` by the sim's own lap counter, with the last half of the lap before
    /// it put at negative distances (a braking zone that starts before the line belongs to the lap
    /// it ends in).
    func rawLap(_ number: Int32) -> [TelemetryFrame] {
        let half = Float(lapLength / 2)
        var before = frames.filter { $0.lapNumber == number - 1 && $0.lapDistance > half }
        for index in before.indices { before[index].lapDistance -= Float(lapLength) }
        return before + frames.filter { $0.lapNumber == number && $0.lapDistance >= 0 && $0.lapDistance <= Float(lapLength) + 1 }
    }

    /// Channels the recording does not really have: never more than one distinct value (or never
    /// a forward gear), read straight off the frames.
    var missingChannels: Set<String> {
        var missing: Set<String> = []
        if !frames.contains(where: { $0.gear > 0 }) { missing.insert("gear") }
        func constant(_ value: (TelemetryFrame) -> Float) -> Bool {
            guard let first = frames.first.map(value) else { return true }
            return frames.allSatisfy { value($0) == first || !value($0).isFinite }
        }
        if constant(\.brake) { missing.insert("brake") }
        if constant(\.throttle) { missing.insert("throttle") }
        if !frames.contains(where: { $0.latitude.isFinite && $0.latitude != 0 }) { missing.insert("position") }
        return missing
    }
}
