import Testing
@testable import Voice

@Suite("ClipLRU: bounded by bytes, least recently used evicted first")
struct ClipLRUTests {
    private func phrase(_ size: Int) -> RenderedPhrase {
        RenderedPhrase(id: "x", clip: VoiceClip(bytes: Array(repeating: 7, count: size), duration: 1, sampleRate: 48_000))
    }

    private func key(_ text: String) -> PhraseKey { PhraseKey(language: "en", voice: "v", text: text) }

    @Test func evictsTheLeastRecentlyUsedUntilTheBytesFit() {
        // Each entry costs its clip bytes plus its one-letter text: 100 bytes.
        var lru = ClipLRU(capacityBytes: 300)
        lru.insert(phrase(99), for: key("a"))
        lru.insert(phrase(99), for: key("b"))
        lru.insert(phrase(99), for: key("c"))
        #expect(lru.bytes == 300 && lru.count == 3)
        _ = lru.get(key("a"))  // a is now the most recent; b the least
        lru.insert(phrase(99), for: key("d"))
        #expect(!lru.contains(key("b")))
        #expect(lru.contains(key("a")) && lru.contains(key("c")) && lru.contains(key("d")))
        #expect(lru.bytes == 300)
        // A big one pushes out as many as needed, oldest first (c, then a).
        lru.insert(phrase(199), for: key("e"))
        #expect(lru.count == 2 && lru.contains(key("d")) && lru.contains(key("e")))
        #expect(lru.bytes <= 300)
    }

    @Test func replacingAnEntryCountsItsBytesOnceAndOversizedClipsAreNotKept() {
        var lru = ClipLRU(capacityBytes: 1_000)
        lru.insert(phrase(99), for: key("a"))
        lru.insert(phrase(199), for: key("a"))
        #expect(lru.bytes == 200 && lru.count == 1)
        lru.insert(phrase(5_000), for: key("huge"))
        #expect(!lru.contains(key("huge")) && lru.bytes == 200)
        var none = ClipLRU(capacityBytes: 0)
        none.insert(phrase(1), for: key("a"))
        #expect(none.count == 0 && none.get(key("a")) == nil)
    }
}
