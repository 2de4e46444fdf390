import EndurancePlanner
import Foundation
import Integration
import Storage

/// `/event signup`: the member's iRacing licences are fetched and checked against the event's
/// limits in each car's category (`EntryCheck`, the planner's own check); a refusal says why,
/// in the member's language.
struct EventSignupCommand {
    let context: TeamCommandContext

    func signup() async throws -> LeagueReply {
        let event = try await context.event()
        guard let member = context.interaction.integer("member_id"), member > 0, member <= 999_999_999 else {
            return context.answer(.invalidMemberID)
        }
        let zone = context.text("tz")
        // Only real IANA names ("Europe/Istanbul"; Linux's list leaves out "UTC" itself);
        // abbreviations like "CET" are ambiguous.
        guard zone.count <= 64, TimeZone(identifier: zone) != nil, zone == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(zone) else {
            return context.answer(.invalidZone, ["zone": LeagueFormat.name(zone, limit: 64)])
        }
        guard let source = context.team.licences else { return context.answer(.iracingOff) }
        let language = context.interaction.string("language").flatMap(GuildLanguage.init(rawValue:))
        let context = context
        return context.later {
            let strings = context.strings
            let licences: MemberLicences
            do { licences = try await source.licences(memberID: Int(member)) } catch let error as MemberLicencesUnavailable {
                if error.code == "member_not_found" { return LeagueAnswer(strings(.memberNotFound, ["member": String(member)])) }
                return LeagueAnswer(strings(.iracingUnavailable, ["code": error.code]))
            }
            let limits = TeamPlanning.event(event).limits
            for category in Set(event.cars.compactMap { LicenceCategory(rawValue: $0.category) }).sorted(by: { $0.rawValue < $1.rawValue }) {
                if let refusal = EntryCheck.refusal(licences.licences, category: category, limits: limits) {
                    return LeagueAnswer(strings(.signupRefused, ["reason": PlanProblemText.reason(refusal, strings, yours: true)]))
                }
            }
            let registration = TeamRegistration(
                guildID: context.guildID, eventID: event.eventID, userID: context.userID, memberID: Int(member),
                displayName: String(licences.displayName.prefix(context.configuration.limits.textLength)), timeZone: zone,
                language: language?.rawValue, licencesJSON: try TeamPlanning.licencesJSON(licences.licences))
            do { try await context.repository.register(registration) } catch StorageError.duplicateName {
                return LeagueAnswer(strings(.memberTaken, ["member": String(member)]))
            }
            return LeagueAnswer(strings(.signedUp, [
                "name": LeagueFormat.name(event.name), "member": String(member), "driver": LeagueFormat.name(licences.displayName), "zone": zone,
            ]))
        }
    }
}
