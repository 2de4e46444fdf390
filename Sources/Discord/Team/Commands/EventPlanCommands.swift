import EndurancePlanner
import Foundation
import Integration
import Logging
import Storage

/// `/event plan` (the planner's proposal, or the constraint no plan can keep) and
/// `/event publish` (the proposal becomes the next version; every signed-up driver gets a DM
/// with their stints, in their language and time zone, queued once with the version).
struct EventPlanCommands {
    let context: TeamCommandContext

    func plan() async throws -> LeagueReply {
        let event = try await context.event()
        guard try await !context.repository.registrations(guildID: context.guildID, eventID: event.eventID).isEmpty else {
            return context.answer(.planNoDrivers, ["event": String(event.eventID)])
        }
        let context = context
        // The licence refresh and the search can take a while on a big event: deferred, off the interaction's 3 s.
        return context.later {
            let strings = context.strings
            let (registrations, stale) = try await Self.refreshedLicences(context, event: event)
            let availability = try await context.repository.availability(guildID: context.guildID, eventID: event.eventID)
            let planner = StintPlanner(
                event: TeamPlanning.event(event), drivers: TeamPlanning.drivers(registrations, availability: availability),
                searchBudget: context.configuration.planSearchBudget)
            let staleLine = stale.map { strings(.licencesStale, ["count": String($0.count), "code": $0.code]) }
            let zone = registrations.first { $0.userID == context.userID }?.timeZone ?? "UTC"
            let times = TeamTimeFormat(zoneName: zone, language: strings.language)
            let plan: StintPlan
            do throws(PlanningFailure) { plan = try planner.plan() } catch {
                // The failure in the reader's words and zone; the English detail is for the log.
                context.bot.logger.info("team plan failed", metadata: ["event": "\(event.eventID)", "failure": "\(error)"])
                let text = PlanProblemText(strings: strings, times: times)
                return LeagueAnswer(([strings(.planFailed, [
                    "constraint": text.constraint(error.constraint), "detail": LeagueFormat.cut(text.failure(error), 900),
                ])] + [staleLine].compactMap { $0 }).joined(separator: "\n"))
            }
            try await context.repository.propose(
                planJSON: try TeamPlanning.planJSON(plan), guildID: context.guildID, eventID: event.eventID, actorID: context.userID)
            let text = PlanText(strings: strings, times: times, event: event)
            let header = strings(.planProposed, [
                "name": LeagueFormat.name(event.name), "count": String(plan.allStints.count), "event": String(event.eventID),
            ])
            let lines = LeagueRosterPages.pages(
                text.tableLines(plan), maxLines: context.configuration.showPageLines, maxCharacters: MessageLimits.content - 400).first ?? []
            return LeagueAnswer(([header] + [staleLine].compactMap { $0 } + lines).joined(separator: "\n"))
        }
    }

    /// The sign-ups with each driver's licences fetched from iRacing again and stored, so the
    /// plan checks the limits against the members' ratings now, not at sign-up (the issue's
    /// "refreshed before the event"). A driver iRacing does not answer for keeps their stored
    /// licences; how many and the last code are returned to be said in the reply.
    static func refreshedLicences(
        _ context: TeamCommandContext, event: TeamEventRecord
    ) async throws -> ([TeamRegistration], stale: (count: Int, code: String)?) {
        var registrations = try await context.repository.registrations(guildID: context.guildID, eventID: event.eventID)
        guard let source = context.team.licences else { return (registrations, (registrations.count, "iracing_off")) }
        var stale = 0, code = ""
        for index in registrations.indices {
            do {
                let fresh = try await source.licences(memberID: registrations[index].memberID)
                let json = try TeamPlanning.licencesJSON(fresh.licences)
                if json != registrations[index].licencesJSON {
                    try await context.repository.updateLicences(
                        guildID: context.guildID, eventID: event.eventID, userID: registrations[index].userID, licencesJSON: json)
                    registrations[index].licencesJSON = json
                }
            } catch let error as MemberLicencesUnavailable {
                stale += 1
                code = error.code
            }
        }
        return (registrations, stale > 0 ? (stale, code) : nil)
    }

    func publish() async throws -> LeagueReply {
        let event = try await context.event()
        let registrations = try await context.repository.registrations(guildID: context.guildID, eventID: event.eventID)
        let guildLanguage = try await context.repository.language(guildID: context.guildID)
        let result: (plan: TeamPlanRecord, queued: Int)
        do {
            result = try await context.repository.publish(guildID: context.guildID, eventID: event.eventID, actorID: context.userID) {
                version, json, previousJSON in
                let plan = try TeamPlanning.plan(json)
                // A republish DMs only the drivers whose stints, spotting or captaincy changed.
                let changed = Set(PlanChanges.changed(
                    from: try previousJSON.map(TeamPlanning.plan), to: plan, among: registrations.map { DriverID($0.userID) }))
                var publication = TeamPublication(messages: [])
                for registration in registrations {
                    let language = registration.language.flatMap(GuildLanguage.init(rawValue:)) ?? guildLanguage
                    let text = PlanText(
                        strings: TeamStrings(language: language), times: TeamTimeFormat(zoneName: registration.timeZone, language: language),
                        event: event)
                    let driver = DriverID(registration.userID)
                    if changed.contains(driver) {
                        publication.messages.append(TeamPlanMessage(
                            recipientID: registration.userID, content: text.directMessage(plan, driver: driver, event: event, version: version)))
                    }
                    publication.reminders += text.reminders(plan, driver: driver, event: event)
                }
                return publication
            }
        } catch StorageError.notFound {
            return context.answer(.noProposal, ["event": String(event.eventID)])
        }
        context.bot.directMessages.wake()
        context.bot.teamReminders?.wake()
        return context.answer(result.plan.version == 1 ? .published : .republished, [
            "name": LeagueFormat.name(event.name), "version": String(result.plan.version), "count": String(result.queued),
        ])
    }
}
