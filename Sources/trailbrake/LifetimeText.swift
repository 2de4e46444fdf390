import ArgumentParser

/// A length of time as typed on the command line: a whole number and a unit, `45s`, `90m`,
/// `12h`, `30d` or `2w`.
struct LifetimeText: ExpressibleByArgument, Sendable {
    let seconds: Int

    init?(argument: String) {
        guard let unit = argument.last, let number = Int(argument.dropLast()), number > 0 else { return nil }
        let scale: Int
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3_600
        case "d": scale = 86_400
        case "w": scale = 604_800
        default: return nil
        }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        self.seconds = seconds
    }

    init(seconds: Int) { self.seconds = seconds }

    var duration: Duration { .seconds(seconds) }

    static var defaultValueDescription: String { "a number and s, m, h, d or w" }
}
