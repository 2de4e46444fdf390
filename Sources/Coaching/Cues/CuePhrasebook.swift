/// The words of every cue, in English and Turkish: what to do, not what happened ("Turn 3:
/// brake 10 metres later", not "braked 10 metres early"), short enough to be heard between two
/// corners, with numbers rounded as a person says them (`SpokenAmount`) and the same numbers in
/// the cue's `numbers`.
public struct CuePhrasebook: Sendable, Equatable {
    /// Longest a cue may take to say, estimated from the words the voice says (`speakingTime`):
    /// a second piece of advice is added to feedback only within it. The estimate is cautious
    /// (2.5 words a second; the server's voice speaks 185 a minute, 3.1 a second), so 4.5 s is
    /// about 3.5 s of speech: 175 m at 50 m/s, the straight between two corners of a club
    /// circuit, where feedback is said after one braking zone and heard before the next.
    public static let maximumSpeakingTime = 4.5

    /// Seconds to say `text`, estimated from the words the voice says (numbers and units written
    /// out: "km/h" is three words in English, "km/sa" one in Turkish).
    public func speakingTime(of text: String) -> Double {
        CueConfiguration().speakingTime(of: spokenText(text))
    }

    public var language: CueLanguage
    public var units: CoachingPreferences.Units

    public init(language: CueLanguage, units: CoachingPreferences.Units = .metric) {
        self.language = language
        self.units = units
    }

    /// "Turn 3" / "Viraj 3", or the corner's own name when the track map has one.
    public func cornerLabel(number: Int, name: String?) -> String {
        if let name, !name.isEmpty { return name }
        return language == .english ? "Turn \(number)" : "Viraj \(number)"
    }

    /// Said right after the corner, for the next time through it: the costliest advice, and the
    /// next one when the sentence stays short ("Turn 3: brake 10 metres later, carry 6 km/h more").
    /// `landmark` replaces the metres of brake point advice ("Turn 3: brake at the 100 board").
    public func feedback(cornerNumber: Int, cornerName: String?, landmark: String? = nil, advice: [CueAdvice]) -> CuePhrase {
        let label = cornerLabel(number: cornerNumber, name: cornerName)
        var said: [Clause] = []
        for piece in advice.prefix(2) {
            let clause = self.clause(piece, landmark: landmark)
            let text = label + ": " + (said + [clause]).map(\.words).joined(separator: ", ")
            guard said.isEmpty || speakingTime(of: text) <= Self.maximumSpeakingTime else { break }
            said.append(clause)
        }
        var numbers = CueNumbers()
        for clause in said { clause.write(&numbers) }
        return CuePhrase(text: label + ": " + said.map(\.words).joined(separator: ", "), numbers: numbers)
    }

    /// Said on the approach to a corner where a mistake has become a habit: "Turn 3: brake 10 metres later".
    public func anticipatory(cornerNumber: Int, cornerName: String?, landmark: String? = nil, advice: CueAdvice) -> CuePhrase {
        let clause = clause(advice, landmark: landmark)
        var numbers = CueNumbers()
        clause.write(&numbers)
        return CuePhrase(text: cornerLabel(number: cornerNumber, name: cornerName) + ": " + clause.words, numbers: numbers)
    }

    /// Metres as spoken in metric units: at least 1, whole metres under 10, 5 m steps from 10.
    public static func spokenMetres(_ metres: Double) -> Int { SpokenAmount.rounded(abs(metres)) }

    /// One instruction and the number it says.
    struct Clause {
        var words: String
        var advice: CueAdvice
        var amount: SpokenAmount

        func write(_ numbers: inout CueNumbers) { CuePhrasebook.write(advice, amount, into: &numbers) }
    }

    func clause(_ advice: CueAdvice, landmark: String?) -> Clause {
        switch language {
        case .english: englishClause(advice, landmark: landmark)
        case .turkish: turkishClause(advice, landmark: landmark)
        }
    }

    /// The distance or speed of `advice` as said, and the `numbers` field it goes in.
    func amount(of advice: CueAdvice) -> SpokenAmount {
        switch (advice.topic, advice.detail) {
        case (.minimumSpeed, _), (.consistency, .apexSpeed): SpokenAmount.speed(advice.amount, units: units)
        default: SpokenAmount.distance(advice.amount, units: units)
        }
    }

    static func write(_ advice: CueAdvice, _ amount: SpokenAmount, into numbers: inout CueNumbers) {
        let value = amount.protocolValue
        switch (advice.topic, advice.detail) {
        case (.brakePoint, _): numbers.brakePointDelta = value
        case (.brakePressure, _): numbers.peakBrakeDelta = advice.amount
        case (.minimumSpeed, _): numbers.minimumSpeedDelta = value
        case (.throttlePickup, _): numbers.throttlePickupDelta = value
        case (.coasting, _): numbers.coastingDistance = value
        case (.brakeRelease, .releaseLength): numbers.brakeReleaseLengthDelta = value
        case (.brakeRelease, _): numbers.brakeReleaseDelta = value
        case (.racingLine, .turnIn): numbers.lineTurnInOffset = value
        case (.racingLine, _): numbers.lineApexOffset = value
        case (.consistency, .apexSpeed): numbers.apexSpeedSpread = value
        case (.consistency, _): numbers.brakePointSpread = value
        case (.teamMessage, _): break
        case (.gear, _):
            numbers.referenceApexGear = advice.referenceGear
            numbers.apexGear = advice.referenceGear.map { $0 + Int(advice.amount.rounded()) }
        }
    }
}

/// A cue's words and the numbers they say.
public struct CuePhrase: Sendable, Equatable {
    public var text: String
    public var numbers: CueNumbers

    public init(text: String, numbers: CueNumbers) {
        self.text = text
        self.numbers = numbers
    }
}
