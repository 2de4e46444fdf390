import Foundation
import Storage

/// `/event show`: the newest published plan as a table in the reader's time zone (their
/// sign-up's, else the guild's, else UTC), split into pages within Discord's 2,000 characters.
/// Stateless paging, as `/roster`: any page can be asked for, past the end shows the last.
struct EventShowCommand {
    let context: TeamCommandContext

    func show() async throws -> LeagueReply {
        let event = try await context.event()
        guard let stored = try await context.repository.plan(guildID: context.guildID, eventID: event.eventID, published: true) else {
            return context.answer(.noPlan, ["event": String(event.eventID)])
        }
        let plan = try TeamPlanning.plan(stored.planJSON)
        var zone = try await context.repository.registration(guildID: context.guildID, eventID: event.eventID, userID: context.userID)?.timeZone
        if zone == nil { zone = try await context.bot.repository.settings(guildID: context.guildID).timeZone }
        let strings = context.strings
        let times = TeamTimeFormat(zoneName: zone, language: strings.language)
        let text = PlanText(strings: strings, times: times, event: event)
        // Room for the header and the "next page" line.
        let pages = LeagueRosterPages.pages(
            text.tableLines(plan), maxLines: context.configuration.showPageLines, maxCharacters: MessageLimits.content - 400)
        let page = min(max(Int(context.interaction.integer("page") ?? 1), 1), max(pages.count, 1))
        var lines = [strings(.showHeader, [
            "name": LeagueFormat.name(event.name), "version": String(stored.version), "zone": times.zoneName, "page": String(page),
            "pages": String(max(pages.count, 1)),
        ])]
        lines += pages.isEmpty ? [] : pages[page - 1]
        if page < pages.count { lines.append(strings(.showMore, ["event": String(event.eventID), "next": String(page + 1)])) }
        return .now(LeagueAnswer(lines.joined(separator: "\n")))
    }
}
