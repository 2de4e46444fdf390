import Foundation
import Storage

/// `/export`: the roster as a CSV attachment, one row per held number. The number column is the
/// number exactly as held ("007" stays "007"; a spreadsheet must import that column as text).
struct LeagueExportCommand {
    let context: LeagueCommandContext

    static let header = [
        "number", "discord_user_id", "discord_username", "iracing_member_id", "iracing_name", "sync_state", "iracing_number",
        "claimed_at", "assigned_by", "checked_at",
    ]

    func export() -> LeagueReply {
        let context = context
        return context.later {
            let claims = try await context.repository.claims(guildID: context.guildID)
            let links = try await context.repository.links(guildID: context.guildID)
                .reduce(into: [String: LeagueLink]()) { $0[$1.userID] = $1 }
            let csv = RosterCSV.document(header: Self.header, rows: claims.map { Self.row($0, link: links[$0.userID]) })
            let file = LeagueFile(filename: "league-numbers.csv", contentType: "text/csv; charset=utf-8", bytes: Data(csv.utf8))
            let text = claims.isEmpty ? context.strings(.exportEmpty) : context.strings(.exportDone, ["count": String(claims.count)])
            return LeagueAnswer(text, file: file)
        }
    }

    static func row(_ claim: LeagueClaim, link: LeagueLink?) -> [String] {
        [
            claim.number.text, claim.userID, claim.userName ?? "", link.map { String($0.memberID) } ?? "", link?.iracingName ?? "",
            claim.syncState.rawValue, claim.iracingNumber ?? "", time(claim.claimedAt), claim.assignedBy ?? "",
            claim.checkedAt.map(time) ?? "",
        ]
    }

    private static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
