import Synchronization
import Voice

/// A renderer for the cache's bookkeeping tests: a clip whose bytes name the text, made after a
/// short pause (so concurrent requests overlap), counting every call.
final class CountingRenderer: PhraseRenderer {
    let voice = "counting"
    let delay: Duration
    private let calls = Mutex(0)

    init(delay: Duration = .milliseconds(50)) { self.delay = delay }

    var renderCount: Int { calls.withLock { $0 } }

    func render(_ text: String, language: String) async throws(VoiceError) -> VoiceClip {
        calls.withLock { $0 += 1 }
        try? await Task.sleep(for: delay)
        guard !text.isEmpty else { throw .emptyText }
        // "OggS" first, like every Ogg file, so the disk cache accepts it.
        return VoiceClip(bytes: Array("OggS \(language) \(text)".utf8), duration: Double(text.count) / 10, sampleRate: 48_000)
    }
}
