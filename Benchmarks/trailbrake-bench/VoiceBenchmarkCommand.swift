import ArgumentParser
import Coaching
import Foundation
import Voice

/// Time to render a cue nobody has heard yet (espeak-ng, libsoxr, libopusenc, through the phrase
/// cache as the server does), time to fetch a cached one, and the cache's memory.
struct VoiceBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice",
        abstract: "Synthesis + encode time of new cue phrases, cache-hit time, cache memory.")

    @Option(help: "Distinct new phrases to render per complexity (half English, half Turkish).")
    var phrases = 160

    @Option(parsing: .upToNextOption, help: "libopus complexities to measure (0...10).")
    var complexity: [Int] = [10, 5]

    @Option(help: "Cache lookups to time.")
    var lookups = 200_000

    mutating func run() async throws {
        let texts = VoicePhraseSet.newPhrases(count: phrases)
        print("voice benchmark: \(texts.count) distinct cue phrases (English and Turkish, spoken form), "
            + "each rendered once on a fresh cache, after a warm-up render per language")
        for level in complexity {
            let renderer = VoiceRenderer(complexity: level)
            let cache = PhraseCache(renderer: renderer, capacityBytes: 256 << 20)
            for language in ["en", "tr"] { _ = try await renderer.render("warm up", language: language) }
            var byLength: [Int: LatencyHistogram] = [:]
            var all = LatencyHistogram()
            var audioSeconds = 0.0, renderSeconds = 0.0
            for phrase in texts {
                let start = DispatchTime.now().uptimeNanoseconds
                let rendered = try await cache.phrase(phrase.text, language: phrase.language)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                let seconds = Int(rendered.clip.duration.rounded(.down))
                byLength[seconds, default: LatencyHistogram()].record(nanoseconds: elapsed)
                all.record(nanoseconds: elapsed)
                audioSeconds += rendered.clip.duration
                renderSeconds += Double(elapsed) / 1e9
            }
            print("\nOpus complexity \(level), \(renderer.bitrate / 1000) kbit/s VOIP, 20 ms frames:")
            for seconds in byLength.keys.sorted() {
                guard let histogram = byLength[seconds] else { continue }
                print(String(format: "  new %d-%d s phrase (%3d): p50 %6.1f ms  p99 %6.1f ms", seconds, seconds + 1,
                    Int(histogram.count), histogram.microseconds(atPercentile: 50) / 1000,
                    histogram.microseconds(atPercentile: 99) / 1000))
            }
            print(String(format: "  all new phrases: p50 %.1f ms  p99 %.1f ms  %.0fx faster than real time (%.1f s of audio in %.2f s)",
                all.microseconds(atPercentile: 50) / 1000, all.microseconds(atPercentile: 99) / 1000,
                audioSeconds / renderSeconds, audioSeconds, renderSeconds))
            try await printStages(texts: texts, complexity: level)
            let statistics = cache.statistics
            print("  cache: \(statistics.count) clips, \(statistics.bytes) bytes "
                + "(\(statistics.bytes / max(1, statistics.count)) bytes a clip, \(String(format: "%.1f", Double(statistics.bytes) * 8 / 1000 / audioSeconds)) kbit per audio second)")
            timeHits(cache: cache, texts: texts)
        }
    }

    /// Where the time goes, per stage, for the phrases of 1.5 to 2.5 s.
    private func printStages(texts: [(text: String, language: String)], complexity: Int) async throws {
        var synth = LatencyHistogram(), resample = LatencyHistogram(), encode = LatencyHistogram()
        for phrase in texts.prefix(60) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let speech = try await SpeechSynthesizer.shared.synthesize(phrase.text, settings: SpeechSettings(language: phrase.language))
            let t1 = DispatchTime.now().uptimeNanoseconds
            let resampled = try Resampler.resample(speech, to: OggOpusEncoder.sampleRate)
            let t2 = DispatchTime.now().uptimeNanoseconds
            _ = try OggOpusEncoder.encode(resampled.samples, complexity: complexity)
            let t3 = DispatchTime.now().uptimeNanoseconds
            guard (1.5...2.5).contains(resampled.duration) else { continue }
            synth.record(nanoseconds: t1 - t0)
            resample.record(nanoseconds: t2 - t1)
            encode.record(nanoseconds: t3 - t2)
        }
        print(String(format: "  stages of a ~2 s phrase (p50, %d phrases): espeak-ng %.1f ms, libsoxr %.1f ms, libopusenc %.1f ms",
            Int(synth.count), synth.microseconds(atPercentile: 50) / 1000, resample.microseconds(atPercentile: 50) / 1000,
            encode.microseconds(atPercentile: 50) / 1000))
    }

    private func timeHits(cache: PhraseCache, texts: [(text: String, language: String)]) {
        var hits = LatencyHistogram()
        var found = 0
        for index in 0..<lookups {
            let phrase = texts[index % texts.count]
            let start = DispatchTime.now().uptimeNanoseconds
            let clip = cache.cached(phrase.text, language: phrase.language)
            hits.record(nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
            if clip != nil { found += 1 }
        }
        print("  cache hit (\(found) of \(lookups) found): \(hits.summary)")
    }
}

/// Distinct cue phrases as the server would speak them, short to long: approach advice and one-
/// or two-clause feedback over many corners and amounts, in both languages.
enum VoicePhraseSet {
    static func newPhrases(count: Int) -> [(text: String, language: String)] {
        let topics: [Cue.Topic] = [.brakePoint, .minimumSpeed, .throttlePickup, .gear, .coasting, .brakePressure]
        var result: [(text: String, language: String)] = []
        var seen = Set<String>()
        var corner = 1
        while result.count < count, corner < 10_000 {
            for language in CueLanguage.allCases {
                let book = CuePhrasebook(language: language)
                let first = CueAdvice(topic: topics[corner % topics.count], amount: Double(-(corner % 7) * 5 - 10), referenceGear: 3)
                let second = CueAdvice(topic: topics[(corner + 2) % topics.count], amount: Double(corner % 9 + 3), referenceGear: 4)
                let candidates = [
                    book.anticipatory(cornerNumber: corner, cornerName: nil, advice: first).text,
                    book.feedback(cornerNumber: corner, cornerName: nil, advice: [first]).text,
                    book.feedback(cornerNumber: corner, cornerName: nil, advice: [first, second]).text,
                ]
                for text in candidates where result.count < count {
                    let spoken = book.spokenText(text)
                    if seen.insert(language.rawValue + spoken).inserted { result.append((spoken, language.rawValue)) }
                }
            }
            corner += 1
        }
        return result
    }
}
