extension CuePhrasebook {
    /// The cue's words as the voice says them: the same sentence as the text shown, with its
    /// numbers and unit abbreviations written out ("Turn 3: 6 km/h" -> "Turn three: six
    /// kilometres per hour"; "3. vites" -> "üçüncü vites"). Nothing else changes, so what a
    /// driver hears always matches what they read.
    public func spokenText(_ text: String) -> String {
        var spoken = ""
        var remaining = Substring(text)
        while let digit = remaining.firstIndex(where: \.isASCIIDigit) {
            spoken += remaining[..<digit]
            let end = remaining[digit...].firstIndex { !$0.isASCIIDigit } ?? remaining.endIndex
            let digits = remaining[digit..<end]
            remaining = remaining[end...]
            guard let number = Int(digits) else {
                spoken += digits
                continue
            }
            // Turkish writes ordinals as "3." followed by the word they count ("3. vites").
            if language == .turkish, remaining.hasPrefix(". "), let ordinal = SpokenNumbers.turkishOrdinal(number) {
                spoken += ordinal
                remaining = remaining.dropFirst()
                continue
            }
            let words = language == .english ? SpokenNumbers.english(number) : SpokenNumbers.turkish(number)
            spoken += words ?? String(digits)
            if let unit = spokenUnit(after: &remaining, singular: number == 1) { spoken += unit }
        }
        return spoken + remaining
    }

    /// " kilometres per hour" for " km/h" (or " kilometre" for Turkish " km/sa"), consuming it.
    private func spokenUnit(after remaining: inout Substring, singular: Bool) -> String? {
        let (abbreviation, words) = switch language {
        case .english: (" km/h", singular ? " kilometre per hour" : " kilometres per hour")
        // Turkish drivers say "altı kilometre daha hızlı": the hour is understood.
        case .turkish: (" km/sa", " kilometre")
        }
        guard remaining.hasPrefix(abbreviation) else { return nil }
        remaining = remaining.dropFirst(abbreviation.count)
        return words
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
