import Coaching
import Foundation
import Telemetry
import TestSupport

/// The early Langley recording (shared/data/telemetry): out-lap 173, lap 174 (15.1867 s), lap 175
/// (15.0998 s) and a partial 176, with its `manifest.json` entry as the oracle.
///
/// The manifest was written by an independent reader, so lap times and the rows of each lap come
/// from it, never from the code under test.
struct EndToEndLangleyRecording: Sendable {
    static let fileName = "rr_skmodified_langley_2015-05-28_14-46-23.ibt"
    static let referenceLapNumber: Int32 = 175

    /// Every row of the file, row 0 included, in file order (the index is the manifest's row).
    let frames: [TelemetryFrame]
    let manifest: [Int32: ManifestLap]
    /// What a client says in `hello`: the session info's track (declared 580 m) and car.
    let session: SessionDescriptor
    /// The library the server is given: one reference, lap 175 on the 1 m grid.
    let library: ReferenceLibrary
    let reference: ReferenceLap

    struct ManifestLap: Decodable, Sendable {
        let lap: Int32
        let firstRow: Int
        let lastRow: Int
        let rows: Int
        let complete: Bool
        let lapTimeInterpolated_s: Double?
    }

    private struct ManifestEntry: Decodable {
        let laps: [ManifestLap]
    }

    static var directory: URL? { TestData.sharedDataDirectory?.appendingPathComponent("telemetry") }

    init() throws {
        guard let directory = Self.directory else { throw TestFailure("shared/data is absent") }
        let file = try IBTFile(contentsOf: directory.appendingPathComponent(Self.fileName))
        let manifests = try JSONDecoder().decode(
            [String: ManifestEntry].self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        guard let entry = manifests[Self.fileName] else { throw TestFailure("manifest.json lacks \(Self.fileName)") }
        guard let session = file.sessionInfo.sessionDescriptor else { throw TestFailure("no track or car in the session info") }
        frames = try file.frames()
        manifest = Dictionary(entry.laps.map { ($0.lap, $0) }, uniquingKeysWith: { first, _ in first })
        self.session = session

        // The reference as an importer would make it: the lap cut by a LapTracker and put on the
        // grid over the length at which the distance wraps (576.28 m, not the declared 580 m).
        var tracker = LapTracker(trackLength: session.track.length)
        var laps: [LapRecord] = []
        for frame in frames {
            for case .lapCompleted(let lap) in tracker.ingest(frame) { laps.append(lap) }
        }
        guard let lap = laps.first(where: { $0.lapNumber == Self.referenceLapNumber }) else {
            throw TestFailure("the tracker found no lap \(Self.referenceLapNumber)")
        }
        var track = session.track
        track.length = tracker.lapLength
        let metadata = ReferenceLapMetadata(
            sim: session.sim, track: track, car: session.car, lapTime: 0,
            source: "ibt:\(Self.fileName)#\(lap.lapNumber)", date: "2015-05-28")
        reference = try ReferenceResampler.resample(
            lapFrames: lap.frames, lapStartTime: lap.startTime, lapEndTime: lap.endTime, trackLength: tracker.lapLength,
            metadata: metadata)
        library = ReferenceLibrary(entries: [.init(reference: reference, trackMap: nil)])
    }

    /// The manifest's rows of `lap`.
    func rows(of lap: Int32) throws -> ClosedRange<Int> {
        guard let entry = manifest[lap] else { throw TestFailure("manifest.json has no lap \(lap)") }
        return entry.firstRow...entry.lastRow
    }

    func lapTime(_ lap: Int32) throws -> Double {
        guard let time = manifest[lap]?.lapTimeInterpolated_s else { throw TestFailure("manifest.json has no time for lap \(lap)") }
        return time
    }

    /// `hello` for this recording, as JSON text (docs/protocol.md).
    func hello() throws -> String { try EndToEndHello.json(for: session) }
}
