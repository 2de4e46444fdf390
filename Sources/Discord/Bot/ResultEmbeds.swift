import Foundation
import Integration

/// Renders a race result as embeds: one field per tracked driver, 25 fields per embed, then
/// packed into as many messages as Discord's limits need, each marked in its first embed's
/// footer (`ResultMarker`). A channel post has no single reader, so it is in the guild's language
/// (`DiscordGuildSettings.language`), its start time in the guild's zone and that language's conventions.
enum ResultEmbeds {
    static let colour = 0xE0_40_1B

    static func messages(for post: RaceResultPost, timeZone: TimeZone, strings: BotStrings) -> [[Embed]] {
        let fields = post.entries.sorted { $0.finishPosition < $1.finishPosition }.map { field($0, strings: strings) }
        var embeds: [Embed] = []
        var start = 0
        repeat {
            let slice = Array(fields[start..<min(start + MessageLimits.embedFields, fields.count)])
            let first = start == 0
            embeds.append(Embed(
                title: first ? truncate(title(post), MessageLimits.embedTitle) : nil,
                description: first ? truncate(summary(post, timeZone: timeZone, strings: strings), MessageLimits.embedDescription) : nil,
                fields: slice.isEmpty ? nil : slice, color: colour))
            start += MessageLimits.embedFields
        } while start < fields.count
        // Every message's first embed is marked, so each part can be found again (`ResultMarker`).
        var messages = MessageSplitter.pack(embeds, reserve: ResultMarker.reservedCharacters)
        for part in messages.indices {
            messages[part][0].footer = EmbedFooter(
                text: ResultMarker.footer(subsessionID: post.subsessionID, part: part, of: messages.count))
        }
        return messages
    }

    static func title(_ post: RaceResultPost) -> String {
        let track = [post.trackName, post.trackConfiguration].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " – ")
        return "\(post.seriesName) · \(track)"
    }

    static func summary(_ post: RaceResultPost, timeZone: TimeZone, strings: BotStrings) -> String {
        var parts = [
            post.eventType, startTime(post.startTime, in: timeZone, strings: strings), strings(.resultStarters, ["count": "\(post.fieldSize)"]),
        ]
        if let sof = post.strengthOfField { parts.append(strings(.resultStrength, ["sof": "\(sof)"])) }
        if let league = post.leagueName { parts.insert(league, at: 0) }
        return parts.joined(separator: " · ")
    }

    /// English keeps the sortable ISO date ("2026-12-05 14:00 UTC"); Turkish writes the day first
    /// with its month name ("5 Ara 2026 14:00 UTC"), 24-hour both.
    static func startTime(_ date: Date, in timeZone: TimeZone, strings: BotStrings) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = timeZone
        switch strings.language {
        case .english:
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        case .turkish:
            formatter.locale = strings.locale
            formatter.dateFormat = "d MMM yyyy HH:mm zzz"
        }
        return formatter.string(from: date)
    }

    static func field(_ entry: RaceResultEntry, strings: BotStrings) -> EmbedField {
        let position = strings(.resultPosition, ["position": "\(entry.finishPosition)", "classPosition": "\(entry.classPosition)"])
        let name = "\(position) · \(entry.driverName)" + (entry.teamName.map { " · \($0)" } ?? "")
        var lines = [
            "\(entry.carName) · \(entry.carClassName)",
            strings(.resultLaps, ["laps": "\(entry.lapsCompleted)", "incidents": "\(entry.incidents)"]),
        ]
        if let old = entry.oldIRating, let new = entry.newIRating, let change = entry.iRatingChange {
            lines.append("iRating \(old) → \(new) (\(change >= 0 ? "+" : "")\(change))")
        }
        if let old = entry.oldSafetyRating, let new = entry.newSafetyRating {
            let change = new.rating - old.rating
            lines.append("SR \(old) → \(new) (\(strings.signed(change, digits: 2)))")
        }
        lines.append(strings(.resultBestLap, ["time": entry.bestLapTime.map { LapTimeFormat.string($0, strings: strings) } ?? "–"]))
        if let reason = entry.reasonOut, reason != "Running" { lines.append(strings(.resultOut, ["reason": reason])) }
        return EmbedField(
            name: truncate(name, MessageLimits.fieldName), value: truncate(lines.joined(separator: "\n"), MessageLimits.fieldValue))
    }

    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
