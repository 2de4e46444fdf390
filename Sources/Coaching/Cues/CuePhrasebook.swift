/// The words of every cue, in English and Turkish, with numbers rounded the way people say
/// them: metres to whole metres under 10 m and to 5 m steps above, km/h to whole numbers.
public struct CuePhrasebook: Sendable, Equatable {
    public var language: CueLanguage

    public init(language: CueLanguage) {
        self.language = language
    }

    /// "Turn 3" / "Viraj 3", or the corner's own name when the track map has one.
    public func cornerLabel(number: Int, name: String?) -> String {
        if let name, !name.isEmpty { return name }
        return language == .english ? "Turn \(number)" : "Viraj \(number)"
    }

    /// What the driver did, said right after the corner: "Turn 3: braked 10 metres early, 6 km/h
    /// slow at the apex". At most the first two pieces of advice are said.
    public func feedback(cornerNumber: Int, cornerName: String?, advice: [CueAdvice]) -> String {
        let clauses = advice.prefix(2).map { feedbackClause($0) }
        return cornerLabel(number: cornerNumber, name: cornerName) + ": " + clauses.joined(separator: ", ")
    }

    /// What to do next time, said on the approach: "Turn 3: brake 10 metres later".
    public func anticipatory(cornerNumber: Int, cornerName: String?, advice: CueAdvice) -> String {
        cornerLabel(number: cornerNumber, name: cornerName) + ": " + instruction(advice)
    }

    /// Metres as spoken: at least 1, whole metres under 10, 5 m steps from 10.
    public static func spokenMetres(_ metres: Double) -> Int {
        let value = abs(metres)
        guard value.isFinite else { return 0 }
        if value < 9.5 { return max(1, Int(value.rounded())) }
        return max(10, Int((value / 5).rounded()) * 5)
    }

    /// km/h as spoken: a whole number, at least 1.
    public static func spokenSpeed(_ kmh: Double) -> Int {
        let value = abs(kmh)
        guard value.isFinite else { return 0 }
        return max(1, Int(value.rounded()))
    }

    func feedbackClause(_ advice: CueAdvice) -> String {
        let m = Self.spokenMetres(advice.amount), v = Self.spokenSpeed(advice.amount)
        let later = advice.amount > 0
        let gear = Int(advice.amount.rounded()) + (advice.referenceGear ?? 0)
        let reference = advice.referenceGear ?? 0
        switch (language, advice.topic) {
        case (.english, .brakePoint): return "braked \(m) \(unit(m)) \(later ? "late" : "early")"
        case (.english, .minimumSpeed): return "\(v) km/h \(later ? "fast" : "slow") at the apex"
        case (.english, .throttlePickup): return "throttle \(m) \(unit(m)) \(later ? "late" : "early")"
        case (.english, .coasting): return "\(m) \(unit(m)) coasting"
        case (.english, .gear): return "gear \(gear) at the apex, reference \(reference)"
        case (.english, .brakePressure): return "brake pressure \(later ? "higher" : "lower") than the reference"
        case (.turkish, .brakePoint): return "\(m) metre \(later ? "geç" : "erken") fren yaptın"
        case (.turkish, .minimumSpeed): return "apekste \(v) km/sa \(later ? "hızlıydın" : "yavaştın")"
        case (.turkish, .throttlePickup): return "gaza \(m) metre \(later ? "geç" : "erken") bastın"
        case (.turkish, .coasting): return "\(m) metre pedalsız gittin"
        case (.turkish, .gear): return "apekste \(gear). vitesteydin, referans \(reference). vites"
        case (.turkish, .brakePressure): return "frene referanstan \(later ? "sert" : "yumuşak") bastın"
        }
    }

    /// The correction for a habit: the opposite of what the driver keeps doing.
    func instruction(_ advice: CueAdvice) -> String {
        let m = Self.spokenMetres(advice.amount), v = Self.spokenSpeed(advice.amount)
        let habitLater = advice.amount > 0
        let reference = advice.referenceGear ?? 0
        switch (language, advice.topic) {
        case (.english, .brakePoint): return "brake \(m) \(unit(m)) \(habitLater ? "earlier" : "later")"
        case (.english, .minimumSpeed): return habitLater ? "\(v) km/h less at the apex" : "carry \(v) km/h more to the apex"
        case (.english, .throttlePickup): return "throttle \(m) \(unit(m)) \(habitLater ? "earlier" : "later")"
        case (.english, .coasting): return "less coasting, brake to throttle sooner"
        case (.english, .gear): return "gear \(reference) at the apex"
        case (.english, .brakePressure): return habitLater ? "brake a little softer" : "brake harder"
        case (.turkish, .brakePoint): return "\(m) metre daha \(habitLater ? "erken" : "geç") fren yap"
        case (.turkish, .minimumSpeed): return habitLater ? "apekste \(v) km/sa daha yavaş ol" : "apekste \(v) km/sa daha fazla hız taşı"
        case (.turkish, .throttlePickup): return "gaza \(m) metre daha \(habitLater ? "erken" : "geç") bas"
        case (.turkish, .coasting): return "pedalsız kalma, frenden gaza daha çabuk geç"
        case (.turkish, .gear): return "apekste \(reference). viteste ol"
        case (.turkish, .brakePressure): return habitLater ? "frene biraz daha yumuşak bas" : "frene daha sert bas"
        }
    }

    private func unit(_ metres: Int) -> String { metres == 1 ? "metre" : "metres" }
}
