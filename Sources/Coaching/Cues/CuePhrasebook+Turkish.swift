extension CuePhrasebook {
    /// "10 metre daha geç frenle", "apekse 6 km/sa daha hızlı gir", "3. vitesi kullan": the
    /// correction, in the imperative, for the side the driver is on.
    func turkishClause(_ advice: CueAdvice, landmark: String?) -> Clause {
        let amount = amount(of: advice)
        let n = amount.said
        let more = advice.amount > 0
        let distance = "\(n) \(units == .metric ? "metre" : "fit")"
        let speed = "\(n) \(units == .metric ? "km/sa" : "mil/sa")"
        let words: String
        switch (advice.topic, advice.detail) {
        case (.brakePoint, _):
            if let landmark, !landmark.isEmpty { words = landmark } else { words = "\(distance) daha \(more ? "erken" : "geç") frenle" }
        case (.minimumSpeed, _): words = "apekse \(speed) daha \(more ? "yavaş" : "hızlı") gir"
        case (.throttlePickup, _): words = "gaza \(distance) \(more ? "erken" : "geç") tam bas"
        case (.coasting, _): words = "\(distance)lik boşta gitmeyi kes"
        case (.gear, _): words = "\(advice.referenceGear ?? 0). vitesi kullan"
        case (.brakePressure, _): words = more ? "frene biraz daha yumuşak bas" : "frene daha sert bas"
        case (.brakeRelease, .releaseLength): words = "freni \(distance) daha uzun mesafede yavaşça bırak"
        case (.brakeRelease, _): words = "freni \(distance) daha \(more ? "erken" : "geç") bırak"
        case (.racingLine, .turnIn): words = "dönüşe \(distance) daha \(more ? "içeriden" : "dıştan") gir"
        case (.racingLine, _): words = more ? "apekse \(distance) daha yakın geç" : "apekste \(distance) daha geniş geç"
        case (.consistency, .apexSpeed): words = "apeks hızını sabit tut"
        case (.consistency, _): words = "\(distance) oynayan fren noktanı sabitle"
        // Not advice: no detector makes it; a relayed message is said as sent (`RelayedMessage`).
        case (.teamMessage, _): words = ""
        }
        return Clause(words: words, advice: advice, amount: amount)
    }
}
