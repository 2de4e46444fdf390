import Testing
@testable import Coaching

/// The words of every cue say what to do, say the number the cue's `numbers` hold, and are short
/// enough to be heard between two corners, in both languages and both unit systems.
@Suite struct CueWordingTests {
    /// Every topic and detail, on both sides, small and large.
    static func everyAdvice() -> [CueAdvice] {
        // A team message is relayed as sent, never worded from advice.
        let topics = Cue.Topic.allCases.filter { $0 != .teamMessage }
        let plain: [(Cue.Topic, CueAdvice.Detail)] = topics.map { ($0, .main) } + [(.racingLine, .turnIn), (.consistency, .apexSpeed)]
        return plain.flatMap { topic, detail in
            [-40.0, -12, -3.2, 1.4, 7, 26].compactMap { amount -> CueAdvice? in
                if topic == .consistency, amount < 0 { return nil }  // a spread is never negative
                return CueAdvice(topic: topic, amount: topic == .gear ? (amount > 0 ? 1 : -1) : amount, referenceGear: 3, detail: detail)
            }
        }
    }

    /// Words that describe what happened: the coach says what to do instead.
    static let descriptive = ["braked", "slow at the apex", "fast at the apex", "reference", "coasting,", "fren yaptın", "bastın", "yavaştın", "hızlıydın", "gittin"]

    @Test(arguments: CueLanguage.allCases)
    func cuesSayWhatToDo(language: CueLanguage) {
        let book = CuePhrasebook(language: language)
        for advice in Self.everyAdvice() {
            for text in [book.anticipatory(cornerNumber: 3, cornerName: nil, advice: advice).text,
                         book.feedback(cornerNumber: 3, cornerName: nil, advice: [advice]).text] {
                #expect(!Self.descriptive.contains { text.contains($0) }, "\(text)")
            }
        }
        #expect(book.feedback(cornerNumber: 3, cornerName: nil, advice: [CueAdvice(topic: .brakePoint, amount: -12)]).text
            == (language == .english ? "Turn 3: brake 10 metres later" : "Viraj 3: 10 metre daha geç frenle"))
        #expect(book.anticipatory(cornerNumber: 5, cornerName: nil, advice: CueAdvice(topic: .gear, amount: 1, referenceGear: 3)).text
            == (language == .english ? "Turn 5: use 3rd gear" : "Viraj 5: 3. vitesi kullan"))
        #expect(book.anticipatory(cornerNumber: 5, cornerName: nil, advice: CueAdvice(topic: .minimumSpeed, amount: -6.4)).text
            == (language == .english ? "Turn 5: carry 6 km/h more" : "Viraj 5: apekse 6 km/sa daha hızlı gir"))
    }

    /// The number in the words is the number in `numbers`, in the driver's units, with the sign
    /// of what the driver did: "brake 10 metres later" holds brake_point_delta -10.
    @Test(arguments: CoachingPreferences.Units.allCases)
    func theNumberSaidIsTheNumberInNumbers(units: CoachingPreferences.Units) throws {
        for language in CueLanguage.allCases {
            let book = CuePhrasebook(language: language, units: units)
            // Brake pressure and the apex speed's consistency are said without a number.
            for advice in Self.everyAdvice() where advice.topic != .brakePressure && advice.detail != .apexSpeed {
                let phrase = book.anticipatory(cornerNumber: 3, cornerName: nil, advice: advice)
                let said = try #require(Self.numberAfterLabel(phrase.text), "\(phrase.text)")
                let value = try #require(Self.value(of: advice, in: phrase.numbers), "\(phrase.text)")
                if advice.topic == .gear {
                    #expect(said == Double(try #require(phrase.numbers.referenceApexGear)), "\(phrase.text)")
                    #expect(value == Double(advice.referenceGear! + Int(advice.amount)))
                    continue
                }
                let isSpeed = advice.topic == .minimumSpeed || advice.detail == .apexSpeed
                let inUnits = units == .metric ? abs(value) : abs(value) * (isSpeed ? 1 / 1.609344 : 3.280839895)
                #expect(abs(inUnits - said) < 1e-9, "\(phrase.text): numbers say \(value)")
                #expect((value > 0) == (advice.amount > 0), "sign of \(phrase.text)")
            }
        }
    }

    /// Feedback says at most two pieces of advice and stays within the time between two corners.
    @Test func cuesAreShort() {
        for language in CueLanguage.allCases {
            let book = CuePhrasebook(language: language)
            let advice = Self.everyAdvice()
            for (first, second) in zip(advice, advice.reversed()) {
                let text = book.feedback(cornerNumber: 12, cornerName: nil, advice: [first, second]).text
                #expect(book.speakingTime(of: text) <= CuePhrasebook.maximumSpeakingTime, "\(text)")
            }
        }
    }

    @Test func aLandmarkReplacesTheBrakeMetres() {
        let book = CuePhrasebook(language: .english)
        let phrase = book.anticipatory(cornerNumber: 1, cornerName: "Paddock Hill", landmark: "brake at the 100 board", advice: CueAdvice(topic: .brakePoint, amount: -13))
        #expect(phrase.text == "Paddock Hill: brake at the 100 board")
        #expect(phrase.numbers.brakePointDelta == -15)
    }

    /// The first number in the text after the corner label ("Turn 3: ..." or "Viraj 3: ...").
    static func numberAfterLabel(_ text: String) -> Double? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let digits = text[colon...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return Double(digits)
    }

    static func value(of advice: CueAdvice, in numbers: CueNumbers) -> Double? {
        switch (advice.topic, advice.detail) {
        case (.brakePoint, _): numbers.brakePointDelta
        case (.brakePressure, _): numbers.peakBrakeDelta
        case (.minimumSpeed, _): numbers.minimumSpeedDelta
        case (.throttlePickup, _): numbers.throttlePickupDelta
        case (.coasting, _): numbers.coastingDistance
        case (.gear, _): numbers.apexGear.map(Double.init)
        case (.brakeRelease, _): numbers.brakeReleaseDelta
        case (.racingLine, .turnIn): numbers.lineTurnInOffset
        case (.racingLine, _): numbers.lineApexOffset
        case (.consistency, .apexSpeed): numbers.apexSpeedSpread
        case (.consistency, _): numbers.brakePointSpread
        case (.teamMessage, _): nil
        }
    }
}
