import Foundation
import Storage

/// Reading what members typed. Discord's client checks the registered bounds, but anyone can
/// send any payload: every value is checked again here, and what is echoed back is cut short
/// and escaped.
extension LeagueCommandContext {
    /// The `number` option as a car number, or the reply refusing it.
    func numberArgument(_ name: String = "number") -> (number: CarNumber?, refusal: LeagueReply?) {
        let typed = interaction.string(name) ?? interaction.integer(name).map(String.init) ?? ""
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard let number = CarNumber(trimmed) else {
            return (nil, answer(.invalidNumber, ["input": LeagueFormat.name(typed, limit: 12)]))
        }
        return (number, nil)
    }

    /// Why `number` cannot be held in this league (a leading zero where they are off, outside
    /// the range), or nil when it can.
    func refusalToHold(_ number: CarNumber, in settings: LeagueSettings) -> LeagueReply? {
        if number.hasLeadingZero, !settings.leadingZeros {
            return answer(.leadingZerosOff, [
                "number": LeagueFormat.number(number), "plain": LeagueFormat.number(number.withoutLeadingZeros),
            ])
        }
        guard settings.range.contains(number.value) else {
            return answer(.outOfRange, [
                "number": LeagueFormat.number(number), "from": String(settings.range.lowerBound), "to": String(settings.range.upperBound),
            ])
        }
        return nil
    }

    /// A user, role or channel option: a Discord id, or nil for anything else.
    func snowflake(_ name: String) -> String? {
        guard let text = interaction.string(name), LeagueFormat.isSnowflake(text) else { return nil }
        return text
    }

    /// An integer option within `range`; nil when absent, out of range or not an integer.
    func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = interaction.integer(name), value >= Int64(range.lowerBound), value <= Int64(range.upperBound) else { return nil }
        return Int(value)
    }

    func isPresent(_ name: String) -> Bool { interaction.arguments.contains { $0.name == name } }

    func boolean(_ name: String) -> Bool? {
        guard case .boolean(let value) = interaction.arguments.first(where: { $0.name == name })?.value else { return nil }
        return value
    }
}
