import Foundation
import Storage

/// Times in the reader's zone and language conventions: "Sat 13 Jun 17:00" in English,
/// "13 Haz Cmt 17:00" in Turkish, 24-hour clock in both.
struct TeamTimeFormat: Sendable {
    let zone: TimeZone
    /// The zone as the reader named it (Foundation may call UTC "GMT").
    let zoneName: String
    let language: GuildLanguage

    init(zoneName: String?, language: GuildLanguage) {
        if let name = zoneName, let zone = TimeZone(identifier: name) {
            (self.zone, self.zoneName) = (zone, name)
        } else {
            (self.zone, self.zoneName) = (TimeZone(identifier: "UTC") ?? .gmt, "UTC")
        }
        self.language = language
    }

    /// Day and time.
    func dateTime(_ date: Date) -> String { format(date, language == .turkish ? "d MMM EEE HH:mm" : "EEE d MMM HH:mm") }

    /// The time of day only (the end of a stint that starts the same day).
    func time(_ date: Date) -> String { format(date, "HH:mm") }

    /// The end of a range: the time alone when it is on the start's day, else day and time.
    func end(_ end: Date, after start: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.isDate(start, inSameDayAs: end) ? time(end) : dateTime(end)
    }

    private func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .turkish ? "tr_TR" : "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
