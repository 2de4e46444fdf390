import Telemetry

/// Carries what a person wrote into a track map (corner names, landmarks) over to a newly
/// detected map of the same layout, so re-importing a better lap never loses it.
///
/// Corners are matched by position, not number (a newly found corner renumbers the rest): each
/// detected corner takes the name and landmark of the edited corner whose apex is nearest, within
/// `TrackMapConsensus.apexWander`, and only when that edited corner has no nearer detected one.
/// An edited corner with a name or landmark that matches nothing is kept as it was (a corner the
/// person added by hand, or one this lap did not slow for), and the corners are renumbered in
/// driving order.
public enum TrackMapMerge {
    public static func merge(detected: TrackMap, edited: TrackMap?) -> TrackMap {
        guard let edited, !edited.corners.isEmpty else { return detected }
        let n = max(Int(detected.track.length.rounded(.down)) + 1, 1)
        let detectedApexes = detected.corners.map(\.apex), editedApexes = edited.corners.map(\.apex)
        var corners = detected.corners
        var used = Set<Int>()
        for index in corners.indices {
            guard let match = TrackMapConsensus.nearestIndex(of: corners[index].apex, in: editedApexes, count: n),
                Grid.circularDistance(editedApexes[match], corners[index].apex, count: n) <= TrackMapConsensus.apexWander,
                TrackMapConsensus.nearestIndex(of: editedApexes[match], in: detectedApexes, count: n) == index
            else { continue }
            corners[index].name = edited.corners[match].name
            corners[index].landmark = edited.corners[match].landmark
            used.insert(match)
        }
        let keptByHand = edited.corners.indices.filter { !used.contains($0) }.map { edited.corners[$0] }
            .filter { $0.name != nil || $0.landmark != nil }
            .filter { $0.apex <= detected.track.length }
        corners = (corners + keptByHand).sorted { $0.apex < $1.apex }
        for index in corners.indices { corners[index].number = index + 1 }
        return TrackMap(formatVersion: detected.formatVersion, track: detected.track, corners: corners)
    }
}
