import Foundation
import Testing
@testable import Voice

/// Renders are bounded per requester and in all, and taken in turn: one driver's flood of new
/// phrases (cue numbers come from client telemetry) cannot starve another driver's clips.
@Suite("Render queue: bounded, fair, and the disk cache bounded")
struct RenderQueueTests {
    @Test func aFloodingDriverIsBoundedAndAnotherDriversPhraseRendersNext() async throws {
        let renderer = OrderRecordingRenderer(delay: .milliseconds(20))
        let cache = PhraseCache(renderer: renderer, capacityBytes: 1 << 20, limits: RenderLimits(total: 256, perRequester: 16))
        let flooder = RenderRequester.driver(1)
        let accepted = (1...100).filter { cache.prepare("Turn 3: \($0) km/h slow", language: "en", for: flooder) }
        // 16 waiting; a 17th when the worker had already taken the first one to render.
        #expect((16...17).contains(accepted.count), "\(accepted.count) accepted")
        #expect(cache.statistics.refused == 100 - accepted.count)

        let phrase = try await cache.phrase("Turn 5: brake later", language: "en", for: .driver(2))
        #expect(phrase.clip.bytes == Array("OggS en Turn 5: brake later".utf8))
        let position = try #require(renderer.order.firstIndex(of: "Turn 5: brake later"))
        // At most the flooder's render already running and the one whose turn came first.
        #expect(position <= 2, "rendered after \(position) of the flooder's phrases: \(renderer.order)")
        #expect(cache.statistics.pending <= accepted.count, "the flooder's phrases are all that is left")
    }

    @Test func theTotalBoundRefusesEveryone() {
        var queue = RenderQueue(limits: RenderLimits(total: 20, perRequester: 16))
        func key(_ text: String) -> PhraseKey { PhraseKey(language: "en", voice: "v", text: text) }
        var accepted: [Bool] = []
        for index in 0..<16 { accepted.append(queue.enqueue(key("a\(index)"), for: .driver(1))) }
        #expect(accepted.allSatisfy { $0 })
        let refusedA = queue.enqueue(key("a16"), for: .driver(1))
        #expect(!refusedA, "the per-driver bound")
        accepted = []
        for index in 0..<4 { accepted.append(queue.enqueue(key("b\(index)"), for: .driver(2))) }
        #expect(accepted.allSatisfy { $0 })
        let refusedB = queue.enqueue(key("b4"), for: .driver(2)), refusedC = queue.enqueue(key("c0"), for: .driver(3))
        #expect(!refusedB && !refusedC, "the total bound")
        // Taken in turn: a0, b0, a1, b1, ...
        var order: [String?] = []
        for _ in 0..<4 { order.append(queue.next()?.text) }
        #expect(order == ["a0", "b0", "a1", "b1"])
        let acceptedC = queue.enqueue(key("c0"), for: .driver(3))
        #expect(acceptedC)
        order = []
        for _ in 0..<3 { order.append(queue.next()?.text) }
        #expect(order == ["a2", "b2", "c0"])
    }

    @Test func aRefusedPhraseIsNotRenderedAndItsCallerHearsWhy() async {
        let renderer = OrderRecordingRenderer(delay: .milliseconds(50))
        let cache = PhraseCache(renderer: renderer, capacityBytes: 1 << 20, limits: RenderLimits(total: 2, perRequester: 2))
        #expect(cache.prepare("one", language: "en", for: .driver(1)))
        #expect(cache.prepare("two", language: "en", for: .driver(1)))
        _ = cache.prepare("three", language: "en", for: .driver(1))
        _ = cache.prepare("four", language: "en", for: .driver(1))
        await #expect(throws: VoiceError.renderQueueFull) { try await cache.phrase("five", language: "en", for: .driver(1)) }
        _ = try? await cache.phrase("one", language: "en", for: .driver(1))
        try? await Task.sleep(for: .milliseconds(200))
        #expect(!renderer.order.contains("five"))
    }

    @Test func theDiskCacheStaysWithinItsBytesDroppingTheLeastRecentlyUsed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("disk-bound-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = PhraseCache(renderer: OrderRecordingRenderer(delay: .zero), capacityBytes: 1 << 20, directory: directory)
        for index in 1...3 { _ = try await seed.phrase("Turn \(index)", language: "en") }
        let name = { (text: String) in seed.key(for: text, language: "en").clipID + ".tbclip" }
        let size = try #require(
            try directory.appendingPathComponent(name("Turn 1")).resourceValues(forKeys: [.fileSizeKey]).fileSize)
        // Room for three and a half clip files; eviction goes down to 90 % of it: three files.
        let capacity = size * 7 / 2
        let cache = PhraseCache(
            renderer: OrderRecordingRenderer(delay: .zero), capacityBytes: 1 << 20, directory: directory, diskCapacityBytes: capacity)
        _ = try await cache.phrase("Turn 1", language: "en")  // from disk: now the most recently used
        #expect(cache.statistics.diskLoads == 1)
        for index in 4...5 { _ = try await cache.phrase("Turn \(index)", language: "en") }

        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.fileSizeKey])
        let bytes = try files.reduce(0) { $0 + (try $1.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) }
        #expect(bytes <= capacity, "\(files.count) files, \(bytes) bytes for \(capacity)")
        #expect(Set(files.map(\.lastPathComponent)) == Set(["Turn 1", "Turn 4", "Turn 5"].map(name)), "the least recently used went first")
    }
}
