import Foundation
import Synchronization

/// Rendered cue clips by (language, voice, text): in memory (bounded by bytes, LRU) and
/// optionally on disk. Concurrent requests for the same phrase share one render.
///
/// A final class around a `Mutex` rather than an actor: the live path asks "is this clip ready?"
/// on every cue and must get the answer synchronously, without an actor hop; the lock is held
/// only for dictionary work, never across a render or file I/O.
public final class PhraseCache: Sendable {
    public let renderer: any PhraseRenderer
    private let disk: PhraseDiskStore?
    private let state: Mutex<State>

    private struct State: Sendable {
        var memory: ClipLRU
        var inFlight: [PhraseKey: Task<Result<RenderedPhrase, VoiceError>, Never>] = [:]
        var statistics = Statistics()
    }

    /// Counters since start-up, and what the memory holds now.
    public struct Statistics: Sendable, Equatable {
        /// Phrases in memory and their bytes (Ogg bytes plus key text).
        public var count = 0
        public var bytes = 0
        /// Phrases being loaded or rendered now.
        public var pending = 0
        /// Requests answered from memory.
        public var hits = 0
        /// Phrases loaded from the disk cache.
        public var diskLoads = 0
        /// Phrases rendered (espeak-ng + resampling + Opus).
        public var renders = 0
        /// Renders that failed (bad text, a voice espeak-ng lacks).
        public var failures = 0
    }

    /// - Parameters:
    ///   - capacityBytes: bound on the clips held in memory.
    ///   - directory: where to keep clips between runs; nil for memory only.
    public init(renderer: any PhraseRenderer, capacityBytes: Int, directory: URL? = nil) {
        self.renderer = renderer
        self.disk = directory.map { PhraseDiskStore(directory: $0) }
        self.state = Mutex(State(memory: ClipLRU(capacityBytes: capacityBytes)))
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
    /// phrase while it renders wait for that one render.
    public func phrase(_ text: String, language: String) async throws(VoiceError) -> RenderedPhrase {
        try await task(for: key(for: text, language: language)).value.get()
    }

    /// Starts rendering the phrase in the background unless it is in memory or on its way;
    /// returns at once. Failures are counted, not reported.
    public func prepare(_ text: String, language: String) {
        _ = task(for: key(for: text, language: language))
    }

    /// Renders `phrases` one after another (they queue on espeak-ng anyway), skipping those
    /// already cached. Returns how many could not be rendered.
    public func prerender(_ phrases: [(text: String, language: String)]) async -> Int {
        var failed = 0
        for phrase in phrases {
            if Task.isCancelled { break }
            if case .failure = await task(for: key(for: phrase.text, language: phrase.language)).value { failed += 1 }
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

    /// A finished task for a phrase in memory, the running one for a phrase being rendered, or
    /// a new one.
    private func task(for key: PhraseKey) -> Task<Result<RenderedPhrase, VoiceError>, Never> {
        state.withLock { state in
            if let phrase = state.memory.get(key) {
                state.statistics.hits += 1
                return Task { .success(phrase) }
            }
            if let running = state.inFlight[key] { return running }
            // Off the cooperative pool: renders block their thread for tens of milliseconds.
            let load = Task(executorPreference: RenderExecutor.shared) { await self.load(key) }
            state.inFlight[key] = load
            return load
        }
    }

    /// Disk first, else a render (stored to disk); then into memory. Runs once per phrase at a time.
    private func load(_ key: PhraseKey) async -> Result<RenderedPhrase, VoiceError> {
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
        state.withLock { state in
            state.inFlight[key] = nil
            switch result {
            case .success(let phrase):
                state.memory.insert(phrase, for: key)
                if fromDisk { state.statistics.diskLoads += 1 } else { state.statistics.renders += 1 }
            case .failure:
                state.statistics.failures += 1
            }
        }
        return result
    }
}
