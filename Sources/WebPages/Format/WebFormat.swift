import Foundation

/// Lap times, deltas, numbers and dates in the reader's conventions: the decimal separator of
/// the page's language ("15.187" / "15,187"), dates in its order and month names, in the
/// reader's time zone when the browser told it (the `trailbrake_tz` cookie), else UTC.
public struct WebFormat: Sendable {
    public let language: WebLanguage
    public let timeZone: TimeZone

    public init(language: WebLanguage, timeZone: TimeZone = .gmt) {
        self.language = language
        self.timeZone = timeZone
    }

    var decimalSeparator: String { language == .turkish ? "," : "." }

    /// "15.187", "1:23.456" (three decimals, minutes only from a minute up); "–" for none.
    public func lapTime(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "–" }
        let thousandths = Int((seconds * 1_000).rounded())
        let minutes = thousandths / 60_000
        let rest = thousandths % 60_000
        let secondsPart = "\(rest / 1_000)"
        let fraction = String(rest % 1_000 + 1_000).dropFirst()
        if minutes == 0 { return secondsPart + decimalSeparator + fraction }
        return "\(minutes):" + (rest < 10_000 ? "0" : "") + secondsPart + decimalSeparator + fraction
    }

    /// "+0.087", "-1.204" (always signed, three decimals); "–" for none.
    public func delta(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "–" }
        let rounded = (seconds * 1_000).rounded() / 1_000
        return (rounded >= 0 ? "+" : "-") + number(abs(rounded), decimals: 3)
    }

    /// A plain number with `decimals` digits after the language's separator.
    public func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow(10, Double(decimals))
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = scaled / Int64(scale)
        guard decimals > 0 else { return sign + "\(whole)" }
        let fraction = String(scaled % Int64(scale) + Int64(scale)).dropFirst()
        return sign + "\(whole)" + decimalSeparator + fraction
    }

    /// "5 Dec 2026, 14:46" / "5 Ara 2026 14:46" in the reader's time zone.
    public func dateTime(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: language.locale, calendar: Calendar(identifier: .gregorian))
        style.timeZone = timeZone
        return date.formatted(style)
    }

    /// The time zone a `trailbrake_tz` cookie names (an IANA name the browser reported), else UTC.
    public static func timeZone(cookie: String?) -> TimeZone {
        guard let cookie, cookie.utf8.count <= 64, let zone = TimeZone(identifier: cookie) else { return .gmt }
        return zone
    }
}
