import EndurancePlanner
import Foundation
import Storage

/// Admins editing the plan before (re)publishing it: `/event assign` (a stint's driver and
/// spotter), `/event captain` and `/event crew` (who may drive a car). An edit that would
/// break a rule the plan kept is refused, naming the constraint (`PlanChecker`); the edited
/// plan becomes the proposal, and `/event publish` DMs only the drivers whose part changed.
struct EventEditCommands {
    let context: TeamCommandContext

    func assign() async throws -> LeagueReply {
        let event = try await context.event()
        let car = try context.car(of: event)
        guard let stored = try await context.repository.editablePlan(guildID: context.guildID, eventID: event.eventID) else {
            return context.answer(.noProposal, ["event": String(event.eventID)])
        }
        let old = try TeamPlanning.plan(stored.planJSON)
        var plan = old
        let number = Int(context.interaction.integer("stint") ?? 0)
        guard let carIndex = plan.cars.firstIndex(where: { $0.carID == car.carID }),
            let stintIndex = plan.cars[carIndex].stints.firstIndex(where: { $0.number == number })
        else { return context.answer(.noSuchStint, ["car": LeagueFormat.name(car.name), "stint": String(number)]) }
        let registrations = try await context.repository.registrations(guildID: context.guildID, eventID: event.eventID)
        let driver = try context.signedUpUser("driver", registrations)
        let before = plan.cars[carIndex].stints[stintIndex]
        plan.cars[carIndex].stints[stintIndex].driver = DriverID(driver)
        if context.interaction.string("spotter") != nil {
            plan.cars[carIndex].stints[stintIndex].spotter = DriverID(try context.signedUpUser("spotter", registrations))
        }
        let after = plan.cars[carIndex].stints[stintIndex]
        if let refusal = try await newViolation(event: event, registrations: registrations, old: old, new: plan) { return refusal }
        func summary(_ stint: PlannedStint) -> String { "driver=\(stint.driver.rawValue) spotter=\(stint.spotter?.rawValue ?? "")" }
        try await context.repository.saveEdit(
            planJSON: try TeamPlanning.planJSON(plan), guildID: context.guildID, eventID: event.eventID,
            audit: TeamAuditEntry(
                guildID: context.guildID, actorID: context.userID, action: .planEdit, subject: "\(event.eventID):\(car.carID):\(number)",
                before: summary(before), after: summary(after)))
        return context.answer(.stintAssigned, [
            "car": LeagueFormat.name(car.name), "stint": String(number), "driver": LeagueFormat.user(driver),
            "event": String(event.eventID),
        ])
    }

    func captain() async throws -> LeagueReply {
        let event = try await context.event()
        let car = try context.car(of: event)
        let registrations = try await context.repository.registrations(guildID: context.guildID, eventID: event.eventID)
        let captain = try context.signedUpUser("driver", registrations)
        guard car.crew.isEmpty || car.crew.contains(captain) else {
            return context.answer(.notInCrew, ["driver": LeagueFormat.user(captain), "car": LeagueFormat.name(car.name)])
        }
        var planJSON: String?
        if let stored = try await context.repository.editablePlan(guildID: context.guildID, eventID: event.eventID) {
            var plan = try TeamPlanning.plan(stored.planJSON)
            if let index = plan.cars.firstIndex(where: { $0.carID == car.carID }) { plan.cars[index].captain = DriverID(captain) }
            planJSON = try TeamPlanning.planJSON(plan)
        }
        try await context.repository.updateCar(
            guildID: context.guildID, eventID: event.eventID, carID: car.carID, crew: car.crew, captainID: captain, planJSON: planJSON,
            actorID: context.userID)
        return context.answer(.captainSet, ["car": LeagueFormat.name(car.name), "driver": LeagueFormat.user(captain)])
    }

    func crew() async throws -> LeagueReply {
        let event = try await context.event()
        let car = try context.car(of: event)
        let registrations = try await context.repository.registrations(guildID: context.guildID, eventID: event.eventID)
        let adding = context.interaction.string("action") != "remove"
        let driver = adding ? try context.signedUpUser("driver", registrations) : (context.interaction.string("driver") ?? "")
        var crew = car.crew.filter { $0 != driver }
        if adding { crew.append(driver) }
        guard crew != car.crew else { return context.answer(.roleUnchanged) }
        // A captain who leaves the crew is no longer its captain.
        let captain = car.captainID == driver && !adding ? nil : car.captainID
        try await context.repository.updateCar(
            guildID: context.guildID, eventID: event.eventID, carID: car.carID, crew: crew, captainID: captain, planJSON: nil,
            actorID: context.userID)
        var lines = [context.strings(.crewChanged, [
            "car": LeagueFormat.name(car.name),
            "crew": crew.isEmpty ? context.strings(.crewEveryone) : crew.map(LeagueFormat.user).joined(separator: ", "),
        ])]
        // The plan to publish may now break the crew rule: say so, naming it.
        if let stored = try await context.repository.editablePlan(guildID: context.guildID, eventID: event.eventID),
            let updated = try await context.repository.event(guildID: context.guildID, eventID: event.eventID)
        {
            let drivers = try await checkedDrivers(event: updated, registrations: registrations)
            if let first = PlanChecker.violations(of: try TeamPlanning.plan(stored.planJSON), event: TeamPlanning.event(updated), drivers: drivers).first {
                let text = problemText(registrations)
                lines.append(context.strings(.planNowBreaks, [
                    "constraint": text.constraint(first.constraint), "detail": LeagueFormat.cut(text.problem(first.problem), 300),
                    "event": String(event.eventID),
                ]))
            }
        }
        return .now(LeagueAnswer(lines.joined(separator: "\n")))
    }

    /// The first rule the edited plan breaks that the plan before the edit kept, as the reply.
    private func newViolation(event: TeamEventRecord, registrations: [TeamRegistration], old: StintPlan, new: StintPlan) async throws -> LeagueReply? {
        let drivers = try await checkedDrivers(event: event, registrations: registrations)
        let planned = TeamPlanning.event(event)
        let before = Set(PlanChecker.violations(of: old, event: planned, drivers: drivers))
        let fresh = PlanChecker.violations(of: new, event: planned, drivers: drivers).filter { !before.contains($0) }
        guard let first = fresh.first else { return nil }
        let text = problemText(registrations)
        return context.answer(.editRefused, [
            "constraint": text.constraint(first.constraint),
            "detail": LeagueFormat.cut(fresh.prefix(3).map { text.problem($0.problem) }.joined(separator: "; "), 900),
        ])
    }

    /// Sentences about the plan in the admin's language, times in their zone when they signed up (else UTC).
    private func problemText(_ registrations: [TeamRegistration]) -> PlanProblemText {
        let zone = registrations.first { $0.userID == context.userID }?.timeZone
        return PlanProblemText(strings: context.strings, times: TeamTimeFormat(zoneName: zone, language: context.strings.language))
    }

    private func checkedDrivers(event: TeamEventRecord, registrations: [TeamRegistration]) async throws -> [PlanningDriver] {
        let availability = try await context.repository.availability(guildID: context.guildID, eventID: event.eventID)
        return TeamPlanning.drivers(registrations, availability: availability)
    }
}
