import Testing
@testable import Coaching

@Suite struct SpokenTextTests {
    private let english = CuePhrasebook(language: .english)
    private let turkish = CuePhrasebook(language: .turkish)

    @Test func englishNumbersAndUnitsAreWrittenOut() {
        #expect(english.spokenText("Turn 3: brake 20 metres later") == "Turn three: brake twenty metres later")
        #expect(english.spokenText("Turn 12: carry 1 km/h more") == "Turn twelve: carry one kilometre per hour more")
        #expect(english.spokenText("Turn 7: enter 45 km/h slower") == "Turn seven: enter forty-five kilometres per hour slower")
        #expect(english.spokenText("Turn 7: carry 4 mph more") == "Turn seven: carry four miles per hour more")
        #expect(english.spokenText("Turn 2: use 3rd gear") == "Turn two: use third gear")
        #expect(english.spokenText("Turn 2: use 1st gear") == "Turn two: use first gear")
        #expect(english.spokenText("Turn 21: use 2nd gear") == "Turn twenty-one: use second gear")
        #expect(english.spokenText("brake 105 metres") == "brake one hundred and five metres")
        #expect(english.spokenText("1200 m") == "one thousand two hundred m")
        #expect(english.spokenText("Paddock Hill: brake at the 100 board") == "Paddock Hill: brake at the one hundred board")
        #expect(english.spokenText("3rdly") == "threerdly", "a suffix followed by letters is not an ordinal")
    }

    @Test func englishOrdinals() {
        let expected = [
            1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 8: "eighth", 9: "ninth", 11: "eleventh",
            12: "twelfth", 20: "twentieth", 22: "twenty-second", 100: "one hundredth",
        ]
        for (number, word) in expected { #expect(SpokenNumbers.englishOrdinal(number) == word, "\(number)") }
        #expect(CuePhrasebook.englishOrdinal(1) == "1st" && CuePhrasebook.englishOrdinal(12) == "12th")
        #expect(CuePhrasebook.englishOrdinal(23) == "23rd" && CuePhrasebook.englishOrdinal(111) == "111th")
    }

    @Test func turkishNumbersOrdinalsAndUnitsAreWrittenOut() {
        #expect(turkish.spokenText("Viraj 3: 20 metre daha geç fren yap") == "Viraj üç: yirmi metre daha geç fren yap")
        #expect(turkish.spokenText("Viraj 14: apekste 6 km/sa daha fazla hız taşı")
            == "Viraj on dört: apekste altı kilometre daha fazla hız taşı")
        #expect(turkish.spokenText("Viraj 5: apekste 4. vitesteydin, referans 3. vites")
            == "Viraj beş: apekste dördüncü vitesteydin, referans üçüncü vites")
        #expect(turkish.spokenText("Viraj 100: 1000 metre") == "Viraj yüz: bin metre")
        #expect(turkish.spokenText("Viraj 2500:") == "Viraj iki bin beş yüz:")
        #expect(turkish.spokenText("Viraj 4: 3. vitesi kullan") == "Viraj dört: üçüncü vitesi kullan")
        #expect(turkish.spokenText("Viraj 4: apekse 5 mil/sa daha hızlı gir") == "Viraj dört: apekse beş mil daha hızlı gir")
    }

    @Test func turkishOrdinalsFollowVowelHarmony() {
        let expected = [
            1: "birinci", 2: "ikinci", 3: "üçüncü", 4: "dördüncü", 5: "beşinci", 6: "altıncı", 7: "yedinci",
            8: "sekizinci", 9: "dokuzuncu", 10: "onuncu", 20: "yirminci", 30: "otuzuncu", 40: "kırkıncı",
            60: "altmışıncı", 90: "doksanıncı", 100: "yüzüncü", 24: "yirmi dördüncü",
        ]
        for (number, word) in expected { #expect(SpokenNumbers.turkishOrdinal(number) == word, "\(number)") }
    }

    /// Every wording the coach produces is spoken without a digit or an abbreviation left in it,
    /// and with the same words around the numbers as the text shown.
    @Test func everyCueIsSpokenInWordsAndOtherwiseUnchanged() {
        for units in CoachingPreferences.Units.allCases {
            for book in [CuePhrasebook(language: .english, units: units), CuePhrasebook(language: .turkish, units: units)] {
                for advice in CueWordingTests.everyAdvice() {
                    let texts = [
                        book.anticipatory(cornerNumber: 11, cornerName: nil, advice: advice).text,
                        book.feedback(cornerNumber: 4, cornerName: nil, advice: [advice, advice]).text,
                    ]
                    for text in texts {
                        let spoken = book.spokenText(text)
                        #expect(!spoken.contains { $0.isNumber }, "\(spoken)")
                        #expect(!spoken.contains("/") && !spoken.contains(" mph"), "\(spoken)")
                        let letters = { (s: String) in s.split(separator: " ").filter { !$0.contains { $0.isNumber } && !$0.contains("/") && !$0.hasPrefix("mph") } }
                        #expect(letters(text).allSatisfy { word in spoken.contains(word) }, "\(text) -> \(spoken)")
                    }
                }
            }
        }
    }

    @Test func commonPhrasesCoverTwentyCornersInBothLanguages() {
        let phrases = english.commonPhrases()
        #expect(phrases.count == 20 * 12)
        #expect(Set(phrases).count == phrases.count)
        #expect(phrases.contains("Turn 1: brake 10 metres later"))
        #expect(phrases.contains("Turn 20: use 3rd gear"))
        #expect(turkish.commonPhrases().contains("Viraj 7: 15 metre daha erken frenle"))
    }
}
