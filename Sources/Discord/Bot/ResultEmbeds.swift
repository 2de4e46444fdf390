import Foundation
import Integration

/// Renders a race result as embeds: one field per tracked driver, 25 fields per embed, then
/// packed into as many messages as Discord's limits need, each marked in its first embed's
/// footer (`ResultMarker`).
enum ResultEmbeds {
    static let colour = 0xE0_40_1B

    static func messages(for post: RaceResultPost, timeZone: TimeZone) -> [[Embed]] {
        let fields = post.entries.sorted { $0.finishPosition < $1.finishPosition }.map(field)
        var embeds: [Embed] = []
        var start = 0
        repeat {
            let slice = Array(fields[start..<min(start + MessageLimits.embedFields, fields.count)])
            let first = start == 0
            embeds.append(Embed(
                title: first ? truncate(title(post), MessageLimits.embedTitle) : nil,
                description: first ? truncate(summary(post, timeZone: timeZone), MessageLimits.embedDescription) : nil,
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

    static func summary(_ post: RaceResultPost, timeZone: TimeZone) -> String {
        var parts = [post.eventType, startTime(post.startTime, in: timeZone), "\(post.fieldSize) starters"]
        if let sof = post.strengthOfField { parts.append("SoF \(sof)") }
        if let league = post.leagueName { parts.insert(league, at: 0) }
        return parts.joined(separator: " · ")
    }

    static func startTime(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return formatter.string(from: date)
    }

    static func field(_ entry: RaceResultEntry) -> EmbedField {
        let name = "P\(entry.finishPosition) (class P\(entry.classPosition)) · \(entry.driverName)"
            + (entry.teamName.map { " · \($0)" } ?? "")
        var lines = ["\(entry.carName) · \(entry.carClassName)", "Laps \(entry.lapsCompleted) · Incidents \(entry.incidents)x"]
        if let old = entry.oldIRating, let new = entry.newIRating, let change = entry.iRatingChange {
            lines.append("iRating \(old) → \(new) (\(change >= 0 ? "+" : "")\(change))")
        }
        if let old = entry.oldSafetyRating, let new = entry.newSafetyRating {
            let change = new.rating - old.rating
            lines.append("SR \(old) → \(new) (\(String(format: "%+.2f", change)))")
        }
        lines.append("Best lap \(entry.bestLapTime.map(LapTimeFormat.string) ?? "–")")
        if let reason = entry.reasonOut, reason != "Running" { lines.append("Out: \(reason)") }
        return EmbedField(
            name: truncate(name, MessageLimits.fieldName), value: truncate(lines.joined(separator: "\n"), MessageLimits.fieldValue))
    }

    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
