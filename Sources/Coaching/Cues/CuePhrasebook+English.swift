extension CuePhrasebook {
    /// "brake 10 metres later", "carry 6 km/h more", "use 3rd gear": the correction, in the
    /// imperative, for the side the driver is on (`amount` > 0: later / faster / more / wider).
    func englishClause(_ advice: CueAdvice, landmark: String?) -> Clause {
        let amount = amount(of: advice)
        let n = amount.said
        let more = advice.amount > 0
        let distance = "\(n) \(units == .metric ? (n == 1 ? "metre" : "metres") : (n == 1 ? "foot" : "feet"))"
        let speed = "\(n) \(units == .metric ? "km/h" : "mph")"
        let words: String
        switch (advice.topic, advice.detail) {
        case (.brakePoint, _):
            if let landmark, !landmark.isEmpty { words = landmark } else { words = "brake \(distance) \(more ? "earlier" : "later")" }
        case (.minimumSpeed, _): words = more ? "enter \(speed) slower" : "carry \(speed) more"
        case (.throttlePickup, _): words = "full throttle \(distance) \(more ? "sooner" : "later")"
        case (.coasting, _): words = "cut \(distance) of coasting"
        case (.gear, _): words = "use \(Self.englishOrdinal(advice.referenceGear ?? 0)) gear"
        case (.brakePressure, _): words = more ? "brake a little softer" : "brake harder"
        case (.brakeRelease, .releaseLength): words = "ease off the brake over \(distance) more"
        case (.brakeRelease, _): words = more ? "off the brake \(distance) sooner" : "trail the brake \(distance) deeper"
        case (.racingLine, .turnIn): words = more ? "turn in \(distance) tighter" : "turn in from \(distance) wider"
        case (.racingLine, _): words = more ? "\(distance) closer to the apex" : "apex \(distance) wider"
        // No number: "apex speed varies 12 km/h, ..." is too long to hear between two corners.
        case (.consistency, .apexSpeed): words = "keep one apex speed"
        case (.consistency, _): words = "braking varies \(distance), pick one marker"
        // Not advice: no detector makes it; a relayed message is said as sent (`RelayedMessage`).
        case (.teamMessage, _): words = ""
        }
        return Clause(words: words, advice: advice, amount: amount)
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "22nd": as written; the voice says "third" (`spokenText`).
    static func englishOrdinal(_ number: Int) -> String {
        let suffix = switch (number % 10, number % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
        return "\(number)\(suffix)"
    }
}
