import Foundation
import Synchronization

/// Rendered cue clips by (language, voice, text): in memory (bounded by bytes, LRU) and
/// optionally on disk (bounded by bytes, LRU). Concurrent requests for the same phrase share one
/// render; renders wait in a bounded, fair queue (`RenderQueue`) and run one at a time.
///
/// A final class around a `Mutex` rather than an actor: the live path asks "is this clip ready?"
/// on every cue and must get the answer synchronously, without an actor hop; the lock is held
/// only for dictionary work, never across a render or file I/O.
public final class PhraseCache: Sendable {
    public let renderer: any PhraseRenderer
    private let disk: PhraseDiskStore?
    private let state: Mutex<State>

    typealias Waiter = CheckedContinuation<Result<RenderedPhrase, VoiceError>, Never>

    private struct State: Sendable {
        var memory: ClipLRU
        /// Phrases queued or being loaded, with whoever waits for each (single flight).
        var inFlight: [PhraseKey: [Waiter]] = [:]
        var queue: RenderQueue
        /// True while the worker task runs; it stops when the queue is empty.
        var working = false
        var statistics = Statistics()
    }

    /// Counters since start-up, and what the memory holds now.
    public struct Statistics: Sendable, Equatable {
        /// Phrases in memory and their bytes (Ogg bytes plus key text).
        public var count = 0
        public var bytes = 0
        /// Phrases being loaded or rendered now, or waiting for it.
        public var pending = 0
        /// Requests answered from memory.
        public var hits = 0
        /// Phrases loaded from the disk cache.
        public var diskLoads = 0
        /// Phrases rendered (espeak-ng + resampling + Opus).
        public var renders = 0
        /// Renders that failed (bad text, a voice espeak-ng lacks).
        public var failures = 0
        /// Phrases not rendered because too many renders were waiting (`RenderLimits`).
        public var refused = 0
    }

    /// - Parameters:
    ///   - capacityBytes: bound on the clips held in memory.
    ///   - directory: where to keep clips between runs; nil for memory only.
    ///   - diskCapacityBytes: bound on that directory's clip files (least recently used deleted).
    ///   - limits: renders waiting, per requester and in all.
    public init(
        renderer: any PhraseRenderer, capacityBytes: Int, directory: URL? = nil, diskCapacityBytes: Int = 256 << 20,
        limits: RenderLimits = RenderLimits()
    ) {
        self.renderer = renderer
        self.disk = directory.map { PhraseDiskStore(directory: $0, capacityBytes: diskCapacityBytes) }
        self.state = Mutex(State(memory: ClipLRU(capacityBytes: capacityBytes), queue: RenderQueue(limits: limits)))
    }

    public func key(for text: String, language: String) -> PhraseKey {
        PhraseKey(language: language, voice: renderer.voice, text: text)
    }

    /// The phrase if it is in memory now; never waits and never renders.
    public func cached(_ text: String, language: String) -> RenderedPhrase? {
        let key = key(for: text, language: language)
        return state.withLock { state in
            let phrase = state.memory.get(key)
            if phrase != nil { state.statistics.hits += 1 }
            return phrase
        }
    }

    /// The phrase, rendered (or loaded from disk) first when needed. Callers asking for the same
    /// phrase while it renders wait for that one render. Throws `.renderQueueFull` when the
    /// phrase would have to be queued past `requester`'s bound or the total one.
    public func phrase(
        _ text: String, language: String, for requester: RenderRequester = .server
    ) async throws(VoiceError) -> RenderedPhrase {
        let key = key(for: text, language: language)
        let result: Result<RenderedPhrase, VoiceError> = await withCheckedContinuation { waiter in
            switch request(key, for: requester, waiter: waiter) {
            case .ready(let phrase): waiter.resume(returning: .success(phrase))
            case .refused: waiter.resume(returning: .failure(.renderQueueFull))
            case .queued: break
            }
        }
        return try result.get()
    }

    /// Queues the phrase for rendering unless it is in memory or on its way; returns at once:
    /// false when the queue refused it (counted in `refused`). Failures are counted, not reported.
    @discardableResult
    public func prepare(_ text: String, language: String, for requester: RenderRequester = .server) -> Bool {
        if case .refused = request(key(for: text, language: language), for: requester, waiter: nil) { return false }
        return true
    }

    /// Renders `phrases` one after another, skipping those already cached. Returns how many
    /// could not be rendered.
    public func prerender(_ phrases: [(text: String, language: String)]) async -> Int {
        var failed = 0
        for phrase in phrases {
            if Task.isCancelled { break }
            do { _ = try await self.phrase(phrase.text, language: phrase.language) } catch { failed += 1 }
        }
        return failed
    }

    public var statistics: Statistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.count = state.memory.count
            statistics.bytes = state.memory.bytes
            statistics.pending = state.inFlight.count
            return statistics
        }
    }

    private enum Request {
        case ready(RenderedPhrase)
        case queued
        case refused
    }

    /// The phrase from memory, or `waiter` joined to its load (queued now when it is new).
    private func request(_ key: PhraseKey, for requester: RenderRequester, waiter: Waiter?) -> Request {
        let startWorker = state.withLock { state -> Request? in
            if let phrase = state.memory.get(key) {
                state.statistics.hits += 1
                return .ready(phrase)
            }
            if state.inFlight[key] != nil {
                if let waiter { state.inFlight[key]?.append(waiter) }
                return .queued
            }
            guard state.queue.enqueue(key, for: requester) else {
                state.statistics.refused += 1
                return .refused
            }
            state.inFlight[key] = waiter.map { [$0] } ?? []
            if state.working { return .queued }
            state.working = true
            return nil
        }
        guard let answer = startWorker else {
            // Off the cooperative pool: renders block their thread for tens of milliseconds.
            Task(executorPreference: RenderExecutor.shared) { await self.work() }
            return .queued
        }
        return answer
    }

    /// Loads queued phrases one at a time, in the queue's fair order, until none is left.
    private func work() async {
        while let key = state.withLock({ state -> PhraseKey? in
            let next = state.queue.next()
            if next == nil { state.working = false }
            return next
        }) {
            await load(key)
        }
    }

    /// Disk first, else a render (stored to disk); then into memory, and every waiter answered.
    private func load(_ key: PhraseKey) async {
        let result: Result<RenderedPhrase, VoiceError>
        var fromDisk = false
        if let clip = disk?.load(key) {
            fromDisk = true
            result = .success(RenderedPhrase(id: key.clipID, clip: clip))
        } else {
            do throws(VoiceError) {
                let clip = try await renderer.render(key.text, language: key.language)
                _ = disk?.store(clip, for: key)
                result = .success(RenderedPhrase(id: key.clipID, clip: clip))
            } catch {
                result = .failure(error)
            }
        }
        let waiters = state.withLock { state in
            switch result {
            case .success(let phrase):
                state.memory.insert(phrase, for: key)
                if fromDisk { state.statistics.diskLoads += 1 } else { state.statistics.renders += 1 }
            case .failure:
                state.statistics.failures += 1
            }
            return state.inFlight.removeValue(forKey: key) ?? []
        }
        for waiter in waiters { waiter.resume(returning: result) }
    }
}
