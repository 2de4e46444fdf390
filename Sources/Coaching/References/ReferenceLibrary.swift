import Foundation
import Telemetry

/// The reference laps a server knows (shipped or imported), each with its track map when there is
/// one, and the rule for picking the one a driver is coached against.
public struct ReferenceLibrary: Sendable {
    public struct Entry: Sendable {
        public var reference: ReferenceLap
        public var trackMap: TrackMap?
        /// Planned once here, when the entry has a track map, for every driver coached against it
        /// with the default cue settings (the server's). Without a map each coach segments the
        /// reference for its session's track and plans on its own, as before.
        public let cornerPlans: CornerPlanBook?

        public init(reference: ReferenceLap, trackMap: TrackMap?) {
            self.reference = reference
            self.trackMap = trackMap
            self.cornerPlans = trackMap.map { CornerPlanBook(reference: reference, trackMap: $0) }
        }
    }

    /// Largest relative difference between the session's and the reference's track length. Real
    /// layouts that share a name differ by far more (Sebring short 2.7 km vs. international 5.8 km);
    /// 1 % is the protocol's own tolerance on distances (`distance_out_of_range`).
    public static let trackLengthTolerance = 0.01

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The best reference for `session`: the fastest lap for the same track layout and car; else,
    /// when `allowOtherCars`, the fastest for the same layout in any car; else none.
    public func choose(for session: SessionDescriptor, allowOtherCars: Bool) -> ReferenceChoice {
        let sameTrack = entries.filter { Self.isSameLayout($0.reference.metadata, session.track) }
        let car = Self.normalisedCar(session.car)
        if let best = Self.fastest(sameTrack.filter { Self.normalisedCar($0.reference.metadata.car) == car }) {
            return ReferenceChoice(
                reference: best.reference, trackMap: best.trackMap, reason: .shippedForTrackAndCar, cornerPlans: best.cornerPlans)
        }
        if allowOtherCars, let best = Self.fastest(sameTrack) {
            return ReferenceChoice(
                reference: best.reference, trackMap: best.trackMap, reason: .shippedForTrack, cornerPlans: best.cornerPlans)
        }
        return ReferenceChoice(reference: nil, trackMap: nil, reason: .none)
    }

    /// The reference's own track or one of its `trackAliases`, with the length checked either way.
    static func isSameLayout(_ reference: ReferenceLapMetadata, _ session: TrackDescriptor) -> Bool {
        let named = reference.track.key == session.key || (reference.trackAliases ?? []).contains { $0.matches(session) }
        guard named else { return false }
        var track = reference.track
        track.name = session.name
        track.configuration = session.configuration
        return isSameLayout(track, session)
    }

    /// Same name and configuration (case and surrounding spaces ignored) and a length within
    /// `trackLengthTolerance`, so a renamed or re-measured layout is never mixed up with another.
    static func isSameLayout(_ reference: TrackDescriptor, _ session: TrackDescriptor) -> Bool {
        guard reference.key == session.key, reference.length.isFinite, session.length.isFinite,
            session.length > 0
        else { return false }
        return abs(reference.length - session.length) <= trackLengthTolerance * session.length
    }

    static func normalisedCar(_ car: String) -> String {
        car.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The entry with the shortest positive, finite lap time (a broken lap time never wins).
    private static func fastest(_ candidates: [Entry]) -> Entry? {
        candidates
            .filter { $0.reference.metadata.lapTime.isFinite && $0.reference.metadata.lapTime > 0 }
            .min { $0.reference.metadata.lapTime < $1.reference.metadata.lapTime }
    }
}
