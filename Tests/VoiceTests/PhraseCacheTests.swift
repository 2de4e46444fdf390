import Foundation
import Testing
@testable import Voice

@Suite("PhraseCache: single render per phrase, memory bound, disk round trip")
struct PhraseCacheTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("phrase-cache-\(UUID().uuidString)", isDirectory: true)
    }

    @Test func concurrentRequestsForOneUncachedPhraseRenderOnce() async throws {
        let renderer = CountingRenderer(delay: .milliseconds(100))
        let cache = PhraseCache(renderer: renderer, capacityBytes: 1 << 20)
        let phrases = try await withThrowingTaskGroup(of: RenderedPhrase.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.phrase("Turn three: brake later", language: "en") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(renderer.renderCount == 1)
        #expect(Set(phrases.map(\.clip.bytes)).count == 1 && phrases.count == 20)
        // Once rendered it is a synchronous hit; another language is another phrase.
        #expect(cache.cached("Turn three: brake later", language: "en") == phrases[0])
        #expect(cache.cached("Turn three: brake later", language: "tr") == nil)
        _ = try await cache.phrase("Turn three: brake later", language: "tr")
        #expect(renderer.renderCount == 2)
    }

    @Test func prepareRendersInTheBackgroundAndFailuresAreNotCached() async throws {
        let renderer = CountingRenderer(delay: .milliseconds(20))
        let cache = PhraseCache(renderer: renderer, capacityBytes: 1 << 20)
        cache.prepare("Turn one", language: "en")
        cache.prepare("Turn one", language: "en")
        #expect(cache.cached("Turn one", language: "en") == nil, "prepare never waits")
        let phrase = try await cache.phrase("Turn one", language: "en")
        #expect(renderer.renderCount == 1 && phrase.id == cache.key(for: "Turn one", language: "en").clipID)
        await #expect(throws: VoiceError.emptyText) { try await cache.phrase("", language: "en") }
        await #expect(throws: VoiceError.emptyText) { try await cache.phrase("", language: "en") }
        #expect(cache.statistics.failures == 2 && cache.statistics.renders == 1)
    }

    @Test func memoryStaysWithinItsBytesEvictingTheLeastRecentlyUsed() async throws {
        let renderer = CountingRenderer(delay: .zero)
        // Each clip is "OggS en Turn N" (14-15 bytes) plus its text (6-7 bytes): about 21 bytes.
        let cache = PhraseCache(renderer: renderer, capacityBytes: 100)
        for corner in 1...4 { _ = try await cache.phrase("Turn \(corner)", language: "en") }
        _ = cache.cached("Turn 1", language: "en")  // Turn 2 is now the least recently used
        for corner in 5...6 { _ = try await cache.phrase("Turn \(corner)", language: "en") }
        let statistics = cache.statistics
        #expect(statistics.bytes <= 100 && statistics.count == 5)
        #expect(cache.cached("Turn 1", language: "en") != nil)
        #expect(cache.cached("Turn 2", language: "en") == nil)
        #expect(cache.cached("Turn 6", language: "en") != nil)
    }

    @Test func aNewCacheOnTheSameDirectoryLoadsInsteadOfRendering() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = PhraseCache(renderer: CountingRenderer(delay: .zero), capacityBytes: 1 << 20, directory: directory)
        let rendered = try await first.phrase("Viraj üç: frene bas", language: "tr")
        let renderer = CountingRenderer(delay: .zero)
        let second = PhraseCache(renderer: renderer, capacityBytes: 1 << 20, directory: directory)
        let loaded = try await second.phrase("Viraj üç: frene bas", language: "tr")
        #expect(loaded == rendered)
        #expect(renderer.renderCount == 0 && second.statistics.diskLoads == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files == [rendered.id + ".tbclip"], "one file, no temporary left behind")
    }

    @Test func corruptTruncatedOrForeignFilesAreIgnoredAndRewritten() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = PhraseCache(renderer: CountingRenderer(delay: .zero), capacityBytes: 1 << 20, directory: directory)
        let good = try await seed.phrase("Turn 1", language: "en")
        let store = PhraseDiskStore(directory: directory)
        let key = seed.key(for: "Turn 1", language: "en")
        let valid = try Data(contentsOf: store.fileURL(for: key))
        let other = seed.key(for: "Turn 2", language: "en")
        let damaged: [Data] = [
            Data("not a clip".utf8),
            valid.prefix(valid.count - 3),  // truncated
            valid + Data([0]),  // trailing garbage
            { var bytes = valid; bytes[9] ^= 0xff; return bytes }(),  // key text altered
        ]
        for (index, bytes) in damaged.enumerated() {
            try bytes.write(to: store.fileURL(for: key))
            let renderer = CountingRenderer(delay: .zero)
            let cache = PhraseCache(renderer: renderer, capacityBytes: 1 << 20, directory: directory)
            #expect(try await cache.phrase("Turn 1", language: "en") == good, "case \(index)")
            #expect(renderer.renderCount == 1, "case \(index): the damaged file was not trusted")
            #expect(try Data(contentsOf: store.fileURL(for: key)) == valid, "case \(index): rewritten")
        }
        // A valid file under another phrase's name is not that phrase.
        try valid.write(to: store.fileURL(for: other))
        let renderer = CountingRenderer(delay: .zero)
        let cache = PhraseCache(renderer: renderer, capacityBytes: 1 << 20, directory: directory)
        #expect(try await cache.phrase("Turn 2", language: "en").clip.bytes == Array("OggS en Turn 2".utf8))
        #expect(renderer.renderCount == 1)
    }

    @Test func clipIDsAreStableHexAndDifferByEveryKeyField() {
        let key = PhraseKey(language: "en", voice: "v", text: "Turn 1")
        // FNV-1a 64 of "en\0v\0Turn 1", computed independently with a three-line Python script.
        #expect(key.clipID == "e25a947bda1492dc")
        let ids = Set([
            key, PhraseKey(language: "tr", voice: "v", text: "Turn 1"), PhraseKey(language: "en", voice: "w", text: "Turn 1"),
            PhraseKey(language: "en", voice: "v", text: "Turn 2"),
        ].map(\.clipID))
        #expect(ids.count == 4)
    }
}
