import Coaching
import LapSynthesis
import Foundation
import Telemetry

/// Turns laps of a recording into reference laps and a track map: the logic behind
/// `trailbrake reference import`, free of argument parsing and printing.
public struct LapImporter: Sendable {
    public enum Selection: Sendable, Equatable {
        /// Every valid lap (each becomes a reference).
        case allValid
        case lap(Int)
        /// The fastest valid lap.
        case best
    }

    public struct Imported: Sendable {
        public var lap: RecordedLap
        public var reference: ReferenceLap
        /// `<track>-<config>-<car>-<lap>`, e.g. `langley-speedway-modified-sk-lap175`.
        public var baseName: String
    }

    public let recording: LapRecording
    public let split: RecordingLapCutter.Result

    public init(recording: LapRecording, configuration: LapTrackingConfiguration = .init()) throws(ReferenceToolError) {
        self.recording = recording
        split = try RecordingLapCutter.cut(recording, configuration: configuration)
    }

    /// The laps to import, in file order; throws a clear error for a missing or unusable lap.
    public func select(_ selection: Selection) throws(ReferenceToolError) -> [RecordedLap] {
        let valid = split.laps.filter { $0.status == .valid && $0.lapTime != nil }
        switch selection {
        case .allValid:
            guard !valid.isEmpty else { throw .noValidLap(path: recording.fileName) }
            return valid
        case .best:
            guard let best = valid.min(by: { ($0.lapTime ?? .infinity) < ($1.lapTime ?? .infinity) }) else {
                throw .noValidLap(path: recording.fileName)
            }
            return [best]
        case .lap(let number):
            let matching = split.laps.filter { $0.number == number }
            guard !matching.isEmpty else { throw .lapNotFound(number: number, available: split.laps.map(\.number)) }
            guard let lap = matching.first(where: { $0.status == .valid && $0.lapTime != nil }) else {
                throw .lapNotImportable(number: number, status: matching[0].status)
            }
            return [lap]
        }
    }

    /// The track this recording's references are filed under: the recording's names with the
    /// length the laps were timed with.
    public var track: TrackDescriptor {
        TrackDescriptor(name: recording.track.name, configuration: recording.track.configuration, length: split.lapLength)
    }

    /// `lap` on the 1 m grid over the recording's lap length.
    public func reference(for lap: RecordedLap) throws(ReferenceToolError) -> ReferenceLap {
        let metadata = ReferenceLapMetadata(
            sim: recording.sim, track: track, car: recording.car, lapTime: lap.lapTime ?? 0,
            source: recording.source(lap: lap.number), date: recording.date)
        do {
            return try ReferenceResampler.resample(
                lapFrames: lap.frames, lapStartTime: lap.startTime, lapEndTime: lap.lapTime.map { lap.startTime + $0 },
                trackLength: split.lapLength, metadata: metadata)
        } catch {
            throw .resampling(lap: lap.number, reason: "\(error)")
        }
    }

    /// Every valid lap on the grid: the set a track map is found from.
    public func validReferences() -> [ReferenceLap] {
        split.laps.filter { $0.status == .valid && $0.lapTime != nil }.compactMap { try? reference(for: $0) }
    }

    /// Imports the selected laps: each reference file plus a track map found from all the
    /// file's valid laps, merged with the map already beside it (names and landmarks kept).
    public func run(_ selection: Selection, into directory: URL) throws(ReferenceToolError) -> [Imported] {
        let laps = try select(selection)
        let all = validReferences()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .file(.unwritable(path: directory.path, reason: error.localizedDescription))
        }
        var imported: [Imported] = []
        for lap in laps {
            let reference = try reference(for: lap)
            let base = baseName(lap: lap.number)
            let mapURL = directory.appendingPathComponent("\(base).\(TrackMapFile.fileExtension)")
            let earlier = (try? TrackMapFile.read(from: mapURL)) ?? ReferenceCatalog(directory: directory).trackMap(for: track)
            let map = TrackMapConsensus.trackMap(reference: reference, laps: all, track: track, names: earlier)
            do {
                try ReferenceLapFile.write(reference, to: directory.appendingPathComponent("\(base)\(ReferenceCatalog.referenceSuffix)"))
                try TrackMapFile.write(map, to: mapURL)
            } catch let error as ReferenceFileError {
                throw .file(error)
            } catch {
                throw .file(.unwritable(path: directory.path, reason: "\(error)"))
            }
            imported.append(Imported(lap: lap, reference: reference, baseName: base))
        }
        return imported
    }

    public func baseName(lap: Int) -> String {
        let parts = [recording.track.name, recording.track.configuration, recording.car].map(SynthesisedReference.slug)
        return (parts.filter { !$0.isEmpty } + ["lap\(lap)"]).joined(separator: "-")
    }
}
