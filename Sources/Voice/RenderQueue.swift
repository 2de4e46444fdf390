/// Who asked for a render: a driver, or the server itself (the start-up pre-render).
public struct RenderRequester: Hashable, Sendable {
    public let id: Int64?

    public static let server = RenderRequester(id: nil)
    public static func driver(_ id: Int64) -> RenderRequester { RenderRequester(id: id) }
}

/// Bounds on renders waiting to start. Cue numbers come from client telemetry, so one driver
/// can ask for endless distinct phrases: past `perRequester` that driver's new phrases are not
/// rendered (their cues go out as text), past `total` nobody's are.
public struct RenderLimits: Sendable, Equatable {
    public var total: Int
    public var perRequester: Int

    public init(total: Int = 256, perRequester: Int = 16) {
        self.total = max(1, total)
        self.perRequester = max(1, perRequester)
    }
}

/// Phrases waiting to be rendered, one FIFO per requester, taken round-robin: a driver with a
/// hundred new phrases waiting delays another driver's phrase by one render, not a hundred.
struct RenderQueue: Sendable {
    let limits: RenderLimits
    private var queues: [RenderRequester: [PhraseKey]] = [:]
    /// Requesters with phrases waiting, in turn order.
    private var turns: [RenderRequester] = []
    private(set) var count = 0

    init(limits: RenderLimits) {
        self.limits = limits
    }

    /// Queues the phrase; false (nothing queued) when a bound is reached.
    mutating func enqueue(_ key: PhraseKey, for requester: RenderRequester) -> Bool {
        let waiting = queues[requester]?.count ?? 0
        guard count < limits.total, waiting < limits.perRequester else { return false }
        if waiting == 0 { turns.append(requester) }
        queues[requester, default: []].append(key)
        count += 1
        return true
    }

    /// The next phrase to render: the oldest of the requester whose turn it is.
    mutating func next() -> PhraseKey? {
        guard !turns.isEmpty else { return nil }
        let requester = turns.removeFirst()
        guard var queue = queues[requester], !queue.isEmpty else { return next() }
        let key = queue.removeFirst()
        count -= 1
        if queue.isEmpty {
            queues[requester] = nil
        } else {
            queues[requester] = queue
            turns.append(requester)
        }
        return key
    }

    func waiting(for requester: RenderRequester) -> Int { queues[requester]?.count ?? 0 }
}
