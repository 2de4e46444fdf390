/// Whole numbers as words, the way a coach says them, for the voice: "twenty-five metres",
/// "yirmi beş metre", "üçüncü vites". espeak-ng reads digits itself, but writing the words out
/// makes the spoken form explicit, testable, and the same in every espeak-ng version.
enum SpokenNumbers {
    /// Numbers up to this are written as words; larger ones (never in a cue) stay digits.
    static let largest = 999_999

    static func english(_ number: Int) -> String? {
        guard (0...largest).contains(number) else { return nil }
        if number == 0 { return "zero" }
        var parts: [String] = []
        let thousands = number / 1000, rest = number % 1000
        if thousands > 0 { parts.append(englishBelowThousand(thousands) + " thousand") }
        if rest > 0 {
            // British usage: "one thousand and five", "two hundred and ten".
            if thousands > 0, rest < 100 { parts.append("and") }
            parts.append(englishBelowThousand(rest))
        }
        return parts.joined(separator: " ")
    }

    private static let englishOnes = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let englishTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// 1...999.
    private static func englishBelowThousand(_ number: Int) -> String {
        let hundreds = number / 100, rest = number % 100
        var words = hundreds > 0 ? englishOnes[hundreds] + " hundred" : ""
        guard rest > 0 else { return words }
        if hundreds > 0 { words += " and " }
        if rest < 20 { return words + englishOnes[rest] }
        let ones = rest % 10
        return words + englishTens[rest / 10] + (ones > 0 ? "-" + englishOnes[ones] : "")
    }

    /// "first", "third", "twenty-second": the cardinal's last word made ordinal.
    static func englishOrdinal(_ number: Int) -> String? {
        guard number > 0, let cardinal = english(number) else { return nil }
        let irregular = [
            "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
            "twelve": "twelfth",
        ]
        // The last word, after a space or a hyphen ("twenty-two" -> "twenty-second").
        let cut = cardinal.lastIndex { $0 == " " || $0 == "-" }.map { cardinal.index(after: $0) } ?? cardinal.startIndex
        let head = cardinal[..<cut], last = String(cardinal[cut...])
        if let word = irregular[last] { return head + word }
        if last.hasSuffix("y") { return head + last.dropLast() + "ieth" }
        return head + last + "th"
    }

    static func turkish(_ number: Int) -> String? {
        guard (0...largest).contains(number) else { return nil }
        if number == 0 { return "sıfır" }
        let thousands = number / 1000, rest = number % 1000
        var parts: [String] = []
        // Turkish says "bin" and "yüz" alone for one thousand and one hundred, not "bir bin".
        if thousands == 1 { parts.append("bin") } else if thousands > 1 { parts.append(turkishBelowThousand(thousands) + " bin") }
        if rest > 0 { parts.append(turkishBelowThousand(rest)) }
        return parts.joined(separator: " ")
    }

    private static let turkishOnes = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"]
    private static let turkishTens = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"]

    /// 1...999.
    private static func turkishBelowThousand(_ number: Int) -> String {
        let hundreds = number / 100, tens = number / 10 % 10, ones = number % 10
        var parts: [String] = []
        if hundreds == 1 { parts.append("yüz") } else if hundreds > 1 { parts.append(turkishOnes[hundreds] + " yüz") }
        if tens > 0 { parts.append(turkishTens[tens]) }
        if ones > 0 { parts.append(turkishOnes[ones]) }
        return parts.joined(separator: " ")
    }

    /// "birinci", "dördüncü", "yirmi beşinci": the suffix -(i)ncı follows the last vowel of
    /// the last word (vowel harmony), and "dört" softens to "dörd".
    static func turkishOrdinal(_ number: Int) -> String? {
        guard number > 0, let cardinal = turkish(number) else { return nil }
        var stem = cardinal
        if stem.hasSuffix("dört") { stem = String(stem.dropLast()) + "d" }
        let harmony: Character = switch stem.last(where: { "aeıioöuü".contains($0) }) {
        case "a", "ı": "ı"
        case "e", "i": "i"
        case "o", "u": "u"
        default: "ü"
        }
        let endsInVowel = stem.last.map { "aeıioöuü".contains($0) } ?? false
        return stem + (endsInVowel ? "" : String(harmony)) + "nc" + String(harmony)
    }
}
