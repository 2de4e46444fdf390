import Storage

/// `/roster [page]`: every held number with its holder, their iRacing name and sync state, one
/// page per reply within Discord's 2,000 characters. Pages are asked for by number (stateless:
/// nothing to expire, and any member can jump to any page).
struct LeagueRosterCommand {
    let context: LeagueCommandContext
    let settings: LeagueSettings

    /// Header and footer never need more than this.
    static let frame = 200

    func roster() async throws -> LeagueReply {
        let claims = try await context.repository.claims(guildID: context.guildID)
        guard !claims.isEmpty else { return context.answer(.rosterEmpty) }
        let links = try await context.repository.links(guildID: context.guildID)
            .reduce(into: [String: LeagueLink]()) { $0[$1.userID] = $1 }
        let lines = claims.map { line($0, link: links[$0.userID]) }
        let pages = LeagueRosterPages.pages(
            lines, maxLines: max(1, context.league.configuration.rosterPageLines), maxCharacters: MessageLimits.content - Self.frame)
        let requested = context.isPresent("page") ? (context.integer("page", in: 1...Int(Int32.max)) ?? 1) : 1
        let page = min(requested, pages.count)
        var text = context.strings(.rosterHeader, ["count": String(claims.count), "page": String(page), "pages": String(pages.count)])
        text += "\n" + pages[page - 1].joined(separator: "\n")
        if page < pages.count { text += "\n" + context.strings(.rosterMore, ["next": String(page + 1)]) }
        return .now(LeagueAnswer(text))
    }

    private func line(_ claim: LeagueClaim, link: LeagueLink?) -> String {
        var parts = ["\(LeagueFormat.stateMark(claim.syncState)) \(LeagueFormat.number(claim.number))", LeagueFormat.user(claim.userID)]
        if let link { parts.append((link.iracingName.map { LeagueFormat.name($0, limit: 40) + " " } ?? "") + "(\(link.memberID))") }
        parts.append(LeagueFormat.state(claim.syncState, iracingNumber: claim.iracingNumber, context.strings))
        return parts.joined(separator: " · ")
    }
}
