/// What the coach may learn from the voice that speaks its cues. Coaching does not know how
/// cues are spoken; the server passes an implementation (backed by the voice clip cache) when
/// voice is available, and the coach estimates from the words otherwise.
public protocol CueSpeech: Sendable {
    /// Seconds it takes to say `text` in `language`, when known (a clip already rendered);
    /// nil makes the coach estimate it (`CueConfiguration.speakingTime(of:)`).
    /// Called when approach cues are planned (once per valid lap), never per frame.
    func speakingTime(of text: String, language: CueLanguage) -> Double?
    /// The coach expects to say `text` soon (an approach cue was planned, feedback was queued):
    /// a chance to prepare its audio off the live path. Must return at once.
    func prepare(_ text: String, language: CueLanguage)
}
