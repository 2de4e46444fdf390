import CoachServer
import Coaching
import Foundation
import ServerSettings
import Voice

/// CoachServer's `CueVoice` (and the coach's `CueSpeech`) on the Voice target: a cue's text is
/// turned into its spoken form (`CuePhrasebook.spokenText`) and looked up in, or rendered into,
/// the phrase cache. The only place where the server, the coach and espeak-ng meet.
public struct PhraseCacheVoice: CueVoice {
    public let cache: PhraseCache
    /// Whose renders these are (`forDriver`); the server's own by default.
    public let requester: RenderRequester

    public init(cache: PhraseCache, requester: RenderRequester = .server) {
        self.cache = cache
        self.requester = requester
    }

    public func forDriver(_ driverID: Int64) -> any CueVoice {
        PhraseCacheVoice(cache: cache, requester: .driver(driverID))
    }

    public var renderQueueStatistics: CueVoiceRenderStatistics? {
        let statistics = cache.statistics
        return CueVoiceRenderStatistics(pending: statistics.pending, refused: statistics.refused)
    }

    public func readyClip(for text: String, language: CueLanguage) -> CueClip? {
        let spoken = CuePhrasebook(language: language).spokenText(text)
        guard let phrase = cache.cached(spoken, language: language.rawValue) else {
            // Not ready: this cue goes out as text; the next one with these words has its clip
            // (unless the driver's render queue is full: then it stays text).
            cache.prepare(spoken, language: language.rawValue, for: requester)
            return nil
        }
        return CueClip(id: phrase.id, duration: phrase.clip.duration, sampleRate: phrase.clip.sampleRate, oggOpus: phrase.clip.bytes)
    }

    public func renderedClip(for text: String, language: CueLanguage) async -> CueClip? {
        let spoken = CuePhrasebook(language: language).spokenText(text)
        guard let phrase = try? await cache.phrase(spoken, language: language.rawValue, for: requester) else { return nil }
        return CueClip(id: phrase.id, duration: phrase.clip.duration, sampleRate: phrase.clip.sampleRate, oggOpus: phrase.clip.bytes)
    }

    public func speakingTime(of text: String, language: CueLanguage) -> Double? {
        cache.cached(CuePhrasebook(language: language).spokenText(text), language: language.rawValue)?.clip.duration
    }

    public func prepare(_ text: String, language: CueLanguage) {
        cache.prepare(CuePhrasebook(language: language).spokenText(text), language: language.rawValue, for: requester)
    }

    /// Renders `CuePhrasebook.commonPhrases()` in every language; returns how many failed.
    public func prerenderCommonPhrases(languages: [CueLanguage] = CueLanguage.allCases) async -> Int {
        let phrases = languages.flatMap { language in
            let book = CuePhrasebook(language: language)
            return book.commonPhrases().map { (text: book.spokenText($0), language: language.rawValue) }
        }
        return await cache.prerender(phrases)
    }
}

extension PhraseCacheVoice {
    /// The voice `[voice]` describes; nil when voice is disabled.
    public init?(_ configuration: ServerConfiguration.Voice) {
        guard configuration.enabled else { return nil }
        let renderer = VoiceRenderer(
            settings: SpeechSettings(variant: configuration.name, wordsPerMinute: configuration.rate, pitch: configuration.pitch),
            bitrate: configuration.bitrate, complexity: configuration.complexity)
        let directory = configuration.diskCacheDirectory.isEmpty
            ? nil : URL(fileURLWithPath: configuration.diskCacheDirectory, isDirectory: true)
        self.init(cache: PhraseCache(
            renderer: renderer, capacityBytes: configuration.cacheBytes, directory: directory,
            diskCapacityBytes: configuration.diskCacheBytes,
            limits: RenderLimits(total: configuration.maxPendingRenders, perRequester: configuration.maxPendingRendersPerDriver)))
    }
}
