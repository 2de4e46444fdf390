/// A cue's number as a person says it, in the driver's units, and the same value in the
/// protocol's units: what the words say and what `numbers` holds are the same number.
///
/// Rounding: distances to whole metres (feet) under 10 and to steps of 5 from 10 (drivers and
/// coaches count "ten, fifteen, twenty metres"; a brake point is not repeated closer than that);
/// speeds to whole km/h (mph); never below 1 (a cue is never about "0 metres").
struct SpokenAmount: Sendable, Equatable {
    static let feetPerMetre = 3.280_839_895
    static let kilometresPerMile = 1.609_344

    /// The whole number said, in the driver's unit, at least 1 (0 for a non-finite input).
    var said: Int
    /// `said` in the protocol's unit (metres, km/h), with the sign of the measurement.
    var protocolValue: Double

    static func distance(_ metres: Double, units: CoachingPreferences.Units) -> SpokenAmount {
        let sign: Double = metres < 0 ? -1 : 1
        switch units {
        case .metric:
            let said = rounded(abs(metres))
            return SpokenAmount(said: said, protocolValue: sign * Double(said))
        case .imperial:
            let said = rounded(abs(metres) * feetPerMetre)
            return SpokenAmount(said: said, protocolValue: sign * Double(said) / feetPerMetre)
        }
    }

    static func speed(_ kmh: Double, units: CoachingPreferences.Units) -> SpokenAmount {
        let sign: Double = kmh < 0 ? -1 : 1
        let value = units == .metric ? abs(kmh) : abs(kmh) / kilometresPerMile
        guard value.isFinite else { return SpokenAmount(said: 0, protocolValue: 0) }
        let said = max(1, Int(value.rounded()))
        return SpokenAmount(said: said, protocolValue: sign * (units == .metric ? Double(said) : Double(said) * kilometresPerMile))
    }

    /// At least 1, whole under 10, steps of 5 from 10.
    static func rounded(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        if value < 9.5 { return max(1, Int(value.rounded())) }
        return max(10, Int((value / 5).rounded()) * 5)
    }
}
