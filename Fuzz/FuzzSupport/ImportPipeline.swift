import Coaching
import Foundation
import ReferenceTools
import Telemetry

/// What `trailbrake reference import FILE` does with a lap file, minus writing the results:
/// open it with the reader its name picks, cut its laps, put every valid lap on the 1 m grid and
/// find the consensus track map, as `LapImporter.run` does.
public enum ImportPipeline {
    public static func run(_ url: URL) {
        guard let recording = try? LapRecordingReader.read(url),
              let importer = try? LapImporter(recording: recording) else { return }
        let references = importer.validReferences()
        guard let first = references.first else { return }
        _ = TrackMapConsensus.trackMap(reference: first, laps: references, track: importer.track, names: nil)
    }
}
