/// How often advice worked, per topic and per corner, ranked: what the coach says more of, and
/// what the session's REST data shows.
public struct AdviceEffectiveness: Sendable, Equatable, Codable {
    public struct Tally: Sendable, Equatable, Codable {
        /// The topic's protocol string, or nil in a per-corner tally.
        public var topic: String?
        public var corner: Int?
        public var judged: Int
        public var worked: Int
        /// (worked + 1) / (judged + 2): 0.5 with nothing judged, so one outcome moves it only a
        /// little (Laplace's rule of succession).
        public var score: Double
    }

    public var topics: [Tally]
    public var corners: [Tally]

    /// Best first; ties by more judged, then topic order or corner number.
    public init(_ outcomes: [AdviceOutcome]) {
        func tally(_ group: [AdviceOutcome], topic: String?, corner: Int?) -> Tally {
            let worked = group.filter(\.worked).count
            return Tally(topic: topic, corner: corner, judged: group.count, worked: worked, score: Self.score(worked: worked, judged: group.count))
        }
        let byTopic = Dictionary(grouping: outcomes, by: \.topic)
        topics = Cue.Topic.allCases.compactMap { topic in byTopic[topic].map { tally($0, topic: topic.rawValue, corner: nil) } }
            .enumerated().sorted { a, b in Self.before(a.element, b.element, a.offset, b.offset) }.map(\.element)
        corners = Dictionary(grouping: outcomes, by: \.corner).sorted { $0.key < $1.key }.map { tally($0.value, topic: nil, corner: $0.key) }
            .enumerated().sorted { a, b in Self.before(a.element, b.element, a.offset, b.offset) }.map(\.element)
    }

    public static func score(worked: Int, judged: Int) -> Double { Double(worked + 1) / Double(judged + 2) }

    private static func before(_ a: Tally, _ b: Tally, _ i: Int, _ j: Int) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.judged != b.judged { return a.judged > b.judged }
        return i < j
    }
}
