import Coaching
import WebPages

/// A library entry as the references page takes it: the lap's positions for the map, the track
/// map's corners with their names and landmarks.
extension ReferenceLibrary.Entry {
    var input: ReferencesPageInput.Reference {
        let metadata = reference.metadata
        let track = metadata.track.configuration.isEmpty ? metadata.track.name : "\(metadata.track.name) – \(metadata.track.configuration)"
        return ReferencesPageInput.Reference(
            track: track, car: metadata.car, sim: metadata.sim, lapTime: metadata.lapTime, length: metadata.track.length,
            source: metadata.source, latitude: reference.hasPositions ? reference.latitude : [],
            longitude: reference.hasPositions ? reference.longitude : [],
            corners: (trackMap?.corners ?? []).map {
                .init(number: $0.number, name: $0.name, landmark: $0.landmark, apex: $0.apex, brakePoint: $0.brakePoint)
            })
    }
}
