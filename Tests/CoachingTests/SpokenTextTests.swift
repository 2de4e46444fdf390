import Testing
@testable import Coaching

@Suite struct SpokenTextTests {
    private let english = CuePhrasebook(language: .english)
    private let turkish = CuePhrasebook(language: .turkish)

    @Test func englishNumbersAndUnitsAreWrittenOut() {
        #expect(english.spokenText("Turn 3: brake 20 metres later") == "Turn three: brake twenty metres later")
        #expect(english.spokenText("Turn 12: carry 1 km/h more to the apex") == "Turn twelve: carry one kilometre per hour more to the apex")
        #expect(english.spokenText("Turn 7: 45 km/h slow at the apex") == "Turn seven: forty-five kilometres per hour slow at the apex")
        #expect(english.spokenText("Turn 2: gear 3 at the apex, reference 4") == "Turn two: gear three at the apex, reference four")
        #expect(english.spokenText("brake 105 metres") == "brake one hundred and five metres")
        #expect(english.spokenText("1200 m") == "one thousand two hundred m")
        #expect(english.spokenText("Paddock Hill: less coasting") == "Paddock Hill: less coasting")
    }

    @Test func turkishNumbersOrdinalsAndUnitsAreWrittenOut() {
        #expect(turkish.spokenText("Viraj 3: 20 metre daha geç fren yap") == "Viraj üç: yirmi metre daha geç fren yap")
        #expect(turkish.spokenText("Viraj 14: apekste 6 km/sa daha fazla hız taşı")
            == "Viraj on dört: apekste altı kilometre daha fazla hız taşı")
        #expect(turkish.spokenText("Viraj 5: apekste 4. vitesteydin, referans 3. vites")
            == "Viraj beş: apekste dördüncü vitesteydin, referans üçüncü vites")
        #expect(turkish.spokenText("Viraj 100: 1000 metre") == "Viraj yüz: bin metre")
        #expect(turkish.spokenText("Viraj 2500:") == "Viraj iki bin beş yüz:")
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
        for book in [english, turkish] {
            let topics: [Cue.Topic] = [.brakePoint, .brakePressure, .minimumSpeed, .throttlePickup, .gear, .coasting]
            for topic in topics {
                for amount in [-40.0, -12, -3, 1, 7, 25] {
                    let advice = CueAdvice(topic: topic, amount: amount, referenceGear: 3)
                    let texts = [
                        book.anticipatory(cornerNumber: 11, cornerName: nil, advice: advice),
                        book.feedback(cornerNumber: 4, cornerName: nil, advice: [advice, advice]),
                    ]
                    for text in texts {
                        let spoken = book.spokenText(text)
                        #expect(!spoken.contains { $0.isNumber }, "\(spoken)")
                        #expect(!spoken.contains("km/"), "\(spoken)")
                        let letters = { (s: String) in s.split(separator: " ").filter { !$0.contains { $0.isNumber } && !$0.contains("km/") } }
                        #expect(letters(text).allSatisfy { word in spoken.contains(word) }, "\(text) -> \(spoken)")
                    }
                }
            }
        }
    }

    @Test func commonPhrasesCoverTwentyCornersInBothLanguages() {
        let phrases = english.commonPhrases()
        #expect(phrases.count == 20 * 9)
        #expect(Set(phrases).count == phrases.count)
        #expect(phrases.contains("Turn 1: brake 10 metres later"))
        #expect(phrases.contains("Turn 20: less coasting, brake to throttle sooner"))
        #expect(turkish.commonPhrases().contains("Viraj 7: 15 metre daha erken fren yap"))
    }
}
