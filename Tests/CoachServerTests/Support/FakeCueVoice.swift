import CoachServer
import Coaching
import Synchronization

/// A voice that has clips for the texts it was given, and "renders" any other text it is asked
/// for, so that it is ready the next time (as the real one does in the background).
final class FakeCueVoice: CueVoice {
    static let duration = 1.25
    private let state: Mutex<(ready: Set<String>, asked: [String])>

    /// When set, `renderedClip` "renders" any text after this delay (nil: it cannot render).
    let renderDelay: Duration?
    /// False: a text `readyClip` is asked for stays not ready (its background render is slow),
    /// so only `renderedClip` can give its clip.
    let preparesAtOnce: Bool

    init(ready: Set<String> = [], renderDelay: Duration? = nil, preparesAtOnce: Bool = true) {
        state = Mutex((ready, []))
        self.renderDelay = renderDelay
        self.preparesAtOnce = preparesAtOnce
    }

    /// Every text `readyClip` was asked for, in order.
    var asked: [String] { state.withLock { $0.asked } }

    /// Bytes that stand for an Ogg file; the server passes them through untouched.
    static func bytes(for text: String) -> [UInt8] { Array("OggS fake clip: \(text)".utf8) }

    static func clipID(for text: String) -> String {
        let hex = String(UInt64(truncatingIfNeeded: text.utf8.reduce(0) { $0 &* 31 &+ Int($1) }), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    func readyClip(for text: String, language: CueLanguage) -> CueClip? {
        let isReady = state.withLock { state in
            state.asked.append(text)
            return preparesAtOnce ? !state.ready.insert(text).inserted : state.ready.contains(text)
        }
        guard isReady else { return nil }
        return CueClip(id: Self.clipID(for: text), duration: Self.duration, sampleRate: 48_000, oggOpus: Self.bytes(for: text))
    }

    func renderedClip(for text: String, language: CueLanguage) async -> CueClip? {
        guard let renderDelay else { return nil }
        try? await Task.sleep(for: renderDelay)
        return CueClip(id: Self.clipID(for: text), duration: Self.duration, sampleRate: 48_000, oggOpus: Self.bytes(for: text))
    }

    func speakingTime(of text: String, language: CueLanguage) -> Double? { nil }
    func prepare(_ text: String, language: CueLanguage) {}
}
