/// Orders one console stream by packet id (0x70, +1 per packet): counts lost, reordered and
/// repeated packets and tells a restarted stream from a late packet.
public struct GT7PacketSequence: Sendable, Equatable {
    /// What to do with one packet.
    public enum Verdict: Sendable, Equatable {
        /// Next in order; `skipped` ids were lost on the way (counted in `lost`).
        case next(skipped: Int)
        /// Older than one already taken: dropped (a frame's time must advance). Counted as
        /// reordered when its id had been skipped (and no longer as lost), else as repeated.
        case late
        /// The same id again: dropped.
        case repeated
        /// The id fell back by more than `restartDistance`: the console started a new stream.
        case restarted
    }

    /// How far back an id may fall and still be a late packet of the same stream. 600 ids are 10 s
    /// at 60 Hz; UDP reordering is a few packets, a new stream restarts far lower (or higher).
    public var restartDistance: Int
    public private(set) var lastID: Int32?
    public private(set) var lost = 0
    public private(set) var reordered = 0
    public private(set) var repeated = 0
    /// Ids skipped most recently, so a late one is told from a repeat (bounded: UDP reorders
    /// by a few packets, and 10 s of loss is 600 ids).
    private var recentlySkipped: [Int32] = []
    static let rememberedSkips = 256

    public init(restartDistance: Int = 600) {
        self.restartDistance = restartDistance
    }

    public mutating func admit(_ id: Int32) -> Verdict {
        guard let lastID else {
            self.lastID = id
            return .next(skipped: 0)
        }
        let step = Int(id) - Int(lastID)
        if step == 0 {
            repeated += 1
            return .repeated
        }
        if step < 0 {
            guard -step > restartDistance else {
                if let index = recentlySkipped.firstIndex(of: id) {
                    recentlySkipped.remove(at: index)
                    reordered += 1
                    lost -= 1
                } else {
                    repeated += 1
                }
                return .late
            }
            self.lastID = id
            recentlySkipped = []
            return .restarted
        }
        if step - 1 > restartDistance {
            // Far ahead: a new stream that happened to start higher, not 10 s of loss.
            self.lastID = id
            recentlySkipped = []
            return .restarted
        }
        self.lastID = id
        lost += step - 1
        for skipped in (Int(lastID) + 1)..<Int(id) { recentlySkipped.append(Int32(skipped)) }
        if recentlySkipped.count > Self.rememberedSkips { recentlySkipped.removeFirst(recentlySkipped.count - Self.rememberedSkips) }
        return .next(skipped: step - 1)
    }

    /// Forgets the last id (after the console fell silent): the next packet starts a stream.
    public mutating func forgetStream() {
        lastID = nil
        recentlySkipped = []
    }
}
