import Synchronization
import Voice

/// A renderer that takes `delay` per phrase, like a real one, and records the order in which
/// phrases were rendered: what the render queue's fairness is judged by.
final class OrderRecordingRenderer: PhraseRenderer {
    let voice = "order"
    let delay: Duration
    private let rendered = Mutex<[String]>([])

    init(delay: Duration) { self.delay = delay }

    var order: [String] { rendered.withLock { $0 } }

    func render(_ text: String, language: String) async throws(VoiceError) -> VoiceClip {
        try? await Task.sleep(for: delay)
        rendered.withLock { $0.append(text) }
        return VoiceClip(bytes: Array("OggS \(language) \(text)".utf8), duration: 1, sampleRate: 48_000)
    }
}
