/// Rendered phrases in memory, bounded by bytes, least recently used evicted first.
///
/// Each entry carries the tick of its last use; eviction scans for the oldest. A scan is O(n),
/// but it happens only when a new clip is stored (a render, tens of milliseconds) over a few
/// thousand entries, while a hit stays O(1).
struct ClipLRU: Sendable {
    /// Most bytes held: Ogg bytes plus the key's text (the dictionary's own overhead, about
    /// 100 bytes an entry, is not counted).
    let capacityBytes: Int
    private(set) var bytes = 0
    private var entries: [PhraseKey: Entry] = [:]
    private var tick: UInt64 = 0

    private struct Entry: Sendable {
        var phrase: RenderedPhrase
        var lastUse: UInt64
        var cost: Int
    }

    init(capacityBytes: Int) {
        self.capacityBytes = max(0, capacityBytes)
    }

    var count: Int { entries.count }

    /// The phrase, now the most recently used.
    mutating func get(_ key: PhraseKey) -> RenderedPhrase? {
        guard entries[key] != nil else { return nil }
        tick += 1
        entries[key]?.lastUse = tick
        return entries[key]?.phrase
    }

    func contains(_ key: PhraseKey) -> Bool { entries[key] != nil }

    /// Stores the phrase as the most recently used and evicts the least recently used until
    /// the bytes fit. A phrase larger than the whole capacity is not kept.
    mutating func insert(_ phrase: RenderedPhrase, for key: PhraseKey) {
        let cost = Self.cost(of: phrase, key: key)
        if let old = entries.removeValue(forKey: key) { bytes -= old.cost }
        guard cost <= capacityBytes else { return }
        tick += 1
        entries[key] = Entry(phrase: phrase, lastUse: tick, cost: cost)
        bytes += cost
        while bytes > capacityBytes, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            bytes -= oldest.value.cost
            entries.removeValue(forKey: oldest.key)
        }
    }

    static func cost(of phrase: RenderedPhrase, key: PhraseKey) -> Int {
        phrase.clip.bytes.count + key.text.utf8.count
    }
}
