import Telemetry

/// The corner plans of one reference and track map, computed once and shared by every driver
/// coached against them (heaptrack counted 3.3 KB of plans per driver when each coach planned
/// its own copy of the same reference). Immutable, so one instance serves every session.
///
/// A coach uses a book only when it was made from the very reference, track map and cue
/// configuration the coach has (`fits`); otherwise it plans its own, so a stale or mismatched
/// book can cost CPU but never change what is said.
public final class CornerPlanBook: Sendable {
    let reference: ReferenceLap
    let trackMap: TrackMap
    let configuration: CueConfiguration
    let plans: [CornerPlan]
    /// Flag slot of each plan (see `CornerFlags`).
    let slots: [Int]

    public init(reference: ReferenceLap, trackMap: TrackMap, configuration: CueConfiguration = .init()) {
        self.reference = reference
        self.trackMap = trackMap
        self.configuration = configuration
        plans = CornerPlan.plans(reference: reference, trackMap: trackMap, configuration: configuration)
        slots = CornerFlags.slots(of: plans)
    }

    /// Corners planned (one per track map corner the reference can measure).
    public var count: Int { plans.count }

    /// Was this book made from these inputs? Equal arrays that share storage compare in O(1),
    /// which is the library's case: every choice of a reference carries the entry's own arrays.
    func fits(reference: ReferenceLap, trackMap: TrackMap, configuration: CueConfiguration) -> Bool {
        configuration == self.configuration && trackMap == self.trackMap && reference == self.reference
    }
}
