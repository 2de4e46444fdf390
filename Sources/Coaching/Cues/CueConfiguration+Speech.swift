extension CueConfiguration {
    /// Seconds to say `text`: the voice's own length when it knows it, else the word estimate.
    /// A voice reporting nonsense (negative, NaN, over a minute) is ignored, not trusted.
    func speakingTime(of text: String, language: CueLanguage, speech: (any CueSpeech)?) -> Double {
        guard let known = speech?.speakingTime(of: text, language: language), known.isFinite, known > 0, known < 60 else {
            return speakingTime(of: text)
        }
        return known + playbackStartDelay
    }
}
