import Foundation
import Storage

/// `/event delete`: an admin removes an event with everything about it. `confirm:true` is
/// required, so a slip of the finger does not erase a team's planning. Plan DMs and stint
/// reminders of the event still queued are dropped (docs/team.md, "Deleting an event").
struct EventDeleteCommand {
    let context: TeamCommandContext

    func delete() async throws -> LeagueReply {
        let event = try await context.event()
        guard context.flag("confirm") else { return context.answer(.deleteConfirm, ["event": String(event.eventID)]) }
        let result = try await context.repository.deleteEvent(guildID: context.guildID, eventID: event.eventID, actorID: context.userID)
        context.bot.teamReminders?.wake()
        return context.answer(.eventDeleted, [
            "event": String(event.eventID), "name": LeagueFormat.name(result.name), "count": String(result.droppedDMs),
        ])
    }
}
