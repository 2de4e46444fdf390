import Foundation
import Storage

/// How league replies show numbers, people, channels, times and outside text.
enum LeagueFormat {
    /// **#07**: the number exactly as held.
    static func number(_ number: CarNumber) -> String { "**#\(number.text)**" }

    /// A number from iRacing (text as iRacing has it, made safe).
    static func iracingNumber(_ text: String) -> String { "**#\(name(String(text.prefix(8))))**" }

    /// A mention; with `allowed_mentions` empty (every message the bot sends) it never pings.
    static func user(_ id: String) -> String { isSnowflake(id) ? "<@\(id)>" : "?" }

    static func channel(_ id: String) -> String { isSnowflake(id) ? "<#\(id)>" : "?" }

    static func role(_ id: String) -> String { isSnowflake(id) ? "<@&\(id)>" : "?" }

    /// A time every reader sees in their own zone and language (Discord's timestamp markup).
    static func time(_ date: Date, style: Character = "f") -> String { "<t:\(Int(date.timeIntervalSince1970)):\(style)>" }

    /// Names and typed text as plain text: markdown, mentions and links are escaped, line breaks
    /// and control characters dropped, and the length capped.
    static func name(_ text: String, limit: Int = 64) -> String {
        var escaped = ""
        for character in LeagueRosterCleaning.name(text, fallback: "", limit: limit) {
            if "*_`~|>\\<@#[]():".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// `text` cut (at a character boundary, with "…") to at most `limit` UTF-16 units: never more
    /// than Discord counts, however it counts.
    static func cut(_ text: String, _ limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var used = 1
        for character in text {
            let size = character.utf16.count
            guard used + size <= limit else { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }

    /// A Discord id: up to 20 decimal digits that fit 64 bits.
    static func isSnowflake(_ text: String) -> Bool {
        (1...20).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) } && UInt64(text) != nil
    }

    static func state(_ state: LeagueSyncState, iracingNumber: String?, _ strings: LeagueStrings) -> String {
        switch state {
        case .unchecked: strings(.stateUnchecked)
        case .synced: strings(.stateSynced)
        case .missing: strings(.stateMissing)
        case .different: strings(.stateDifferent, ["iracing": iracingNumber.map { Self.iracingNumber($0) } ?? "?"])
        case .unlinked: strings(.stateUnlinked)
        }
    }

    /// ✅ synced, ⚠️ a difference, · otherwise.
    static func stateMark(_ state: LeagueSyncState) -> String {
        switch state {
        case .synced: "✅"
        case .missing, .different: "⚠️"
        case .unchecked, .unlinked: "·"
        }
    }
}
