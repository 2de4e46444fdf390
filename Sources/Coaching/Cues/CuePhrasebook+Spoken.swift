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
            // English writes them "3rd" ("use 3rd gear").
            if language == .english, let suffix = Self.englishOrdinalSuffix(of: remaining),
                let ordinal = SpokenNumbers.englishOrdinal(number)
            {
                spoken += ordinal
                remaining = remaining.dropFirst(suffix.count)
                continue
            }
            let words = language == .english ? SpokenNumbers.english(number) : SpokenNumbers.turkish(number)
            spoken += words ?? String(digits)
            if let unit = spokenUnit(after: &remaining, singular: number == 1) { spoken += unit }
        }
        return spoken + remaining
    }

    /// " kilometres per hour" for " km/h", " miles per hour" for " mph" (" kilometre" and " mil"
    /// for Turkish " km/sa" and " mil/sa"), consuming it.
    private func spokenUnit(after remaining: inout Substring, singular: Bool) -> String? {
        let units: [(abbreviation: String, words: String)] = switch language {
        case .english: [
            (" km/h", singular ? " kilometre per hour" : " kilometres per hour"),
            (" mph", singular ? " mile per hour" : " miles per hour"),
        ]
        // Turkish drivers say "altı kilometre daha hızlı": the hour is understood.
        case .turkish: [(" km/sa", " kilometre"), (" mil/sa", " mil")]
        }
        for unit in units where remaining.hasPrefix(unit.abbreviation) {
            remaining = remaining.dropFirst(unit.abbreviation.count)
            return unit.words
        }
        return nil
    }

    /// "st", "nd", "rd" or "th" right after the digits and not followed by a letter ("3rd gear").
    private static func englishOrdinalSuffix(of remaining: Substring) -> String? {
        for suffix in ["st", "nd", "rd", "th"] where remaining.hasPrefix(suffix) {
            let after = remaining.dropFirst(suffix.count).first
            if after == nil || !(after?.isLetter ?? false) { return suffix }
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
