extension CuePhrasebook {
    /// Approach cues worth rendering before anyone drives, so even the first one has its clip:
    /// for corners `corners` ("Turn 1" ... "Turn 20" covers nearly every circuit), the advice
    /// with fixed words (brake harder, brake softer, use 2nd to 5th gear) and brake points earlier
    /// and later by `metres`. The brake point threshold is 8 m and spoken metres go in 5 m steps
    /// from 10, so 10, 15 and 20 m are the usual values. Everything else (named corners, speeds,
    /// feedback) is rendered when the coach first plans or queues it (`CueSpeech.prepare`).
    public func commonPhrases(corners: ClosedRange<Int> = 1...20, metres: [Int] = [10, 15, 20]) -> [String] {
        let fixed = [CueAdvice(topic: .brakePressure, amount: 1), CueAdvice(topic: .brakePressure, amount: -1)]
            + (2...5).map { CueAdvice(topic: .gear, amount: 1, referenceGear: $0) }
        let brakePoints = metres.flatMap { m in
            [CueAdvice(topic: .brakePoint, amount: Double(m)), CueAdvice(topic: .brakePoint, amount: -Double(m))]
        }
        return corners.flatMap { corner in
            (fixed + brakePoints).map { anticipatory(cornerNumber: corner, cornerName: nil, advice: $0).text }
        }
    }
}
