import Foundation
import Storage

/// What every member may do: claim, release, see their numbers, check one, list free ones.
struct LeagueMemberCommands {
    let context: LeagueCommandContext
    let settings: LeagueSettings

    private var strings: LeagueStrings { context.strings }

    func claim() async throws -> LeagueReply {
        let (parsed, refusal) = context.numberArgument()
        guard let number = parsed else { return refusal ?? context.answer(.failed, ["code": "invalid_input"]) }
        if let refusal = context.refusalToHold(number, in: settings) { return refusal }
        let outcome = try await context.repository.claim(
            number, guildID: context.guildID, userID: context.userID, userName: context.userName, maxPerMember: settings.maxPerMember,
            actorID: context.userID)
        let shown = LeagueFormat.number(number)
        switch outcome {
        case .claimed:
            let announcement = strings(.announceClaimed, ["user": LeagueFormat.user(context.userID), "number": shown])
            return .now(LeagueAnswer(strings(.claimed, ["number": shown]), announcement: context.announcement(announcement)))
        case .alreadyHeld:
            return context.answer(.alreadyYours, ["number": shown])
        case .takenBy(let holder):
            return context.answer(.takenBy, ["number": shown, "user": LeagueFormat.user(holder)])
        case .limitReached(let held):
            return context.answer(.limitReached, [
                "numbers": held.map(LeagueFormat.number).joined(separator: ", "), "max": String(settings.maxPerMember),
            ])
        }
    }

    func release() async throws -> LeagueReply {
        let (parsed, refusal) = context.numberArgument()
        guard let number = parsed else { return refusal ?? context.answer(.failed, ["code": "invalid_input"]) }
        let shown = LeagueFormat.number(number)
        switch try await context.repository.release(number, guildID: context.guildID, actorID: context.userID, force: false) {
        case .released:
            let announcement = strings(.announceReleased, ["user": LeagueFormat.user(context.userID), "number": shown])
            return .now(LeagueAnswer(strings(.released, ["number": shown]), announcement: context.announcement(announcement)))
        case .notHeld:
            return context.answer(.notHeld, ["number": shown])
        case .heldBy(let holder):
            return context.answer(.notYours, ["number": shown, "user": LeagueFormat.user(holder)])
        }
    }

    func myNumbers() async throws -> LeagueReply {
        let mine = try await context.repository.claims(guildID: context.guildID).filter { $0.userID == context.userID }
        let link = try await context.repository.links(guildID: context.guildID).first { $0.userID == context.userID }
        var lines = mine.isEmpty ? [strings(.myNumbersNone)] : [strings(.myNumbersHeader)]
        lines += mine.map { claim in
            let state = LeagueFormat.state(claim.syncState, iracingNumber: claim.iracingNumber, strings)
            return "\(LeagueFormat.stateMark(claim.syncState)) \(LeagueFormat.number(claim.number)) · \(state)"
        }
        if let link {
            let name = link.iracingName.map { " (\(LeagueFormat.name($0)))" } ?? ""
            lines.append(strings(.myNumbersLinked, ["member": "\(link.memberID)\(name)"]))
        } else {
            lines.append(strings(.myNumbersNotLinked))
        }
        return .now(LeagueAnswer(lines.joined(separator: "\n")))
    }

    func check() async throws -> LeagueReply {
        let (parsed, refusal) = context.numberArgument()
        guard let number = parsed else { return refusal ?? context.answer(.failed, ["code": "invalid_input"]) }
        guard let claim = try await context.repository.claim(number, guildID: context.guildID) else {
            if let refusal = context.refusalToHold(number, in: settings) { return refusal }
            return context.answer(.checkFree, ["number": LeagueFormat.number(number)])
        }
        return context.answer(.checkHeld, [
            "number": LeagueFormat.number(number), "user": LeagueFormat.user(claim.userID),
            "state": LeagueFormat.state(claim.syncState, iracingNumber: claim.iracingNumber, strings),
        ])
    }

    /// Free numbers (written without leading zeros) as ranges: "1–6, 8, 10–99".
    func available() async throws -> LeagueReply {
        let range = settings.range
        let from = context.isPresent("from") ? context.integer("from", in: range) : range.lowerBound
        let to = context.isPresent("to") ? context.integer("to", in: range) : range.upperBound
        guard let from, let to, from <= to else {
            return context.answer(.availableBadRange, ["from": String(range.lowerBound), "to": String(range.upperBound)])
        }
        let held = Set(try await context.repository.claims(guildID: context.guildID).map(\.number.text))
        let free = (from...to).filter { !held.contains(String($0)) }
        let values: KeyValuePairs<String, String> = ["from": String(from), "to": String(to)]
        guard !free.isEmpty else { return context.answer(.availableNone, values) }
        var text = strings(.availableHeader, values) + "\n" + Self.ranges(free)
        if settings.leadingZeros { text += "\n" + strings(.availableZerosNote) }
        return .now(LeagueAnswer(text))
    }

    /// Sorted values as compact ranges.
    static func ranges(_ values: [Int]) -> String {
        var parts: [String] = []
        var start = values.first ?? 0
        var end = start
        for value in values.dropFirst() {
            if value == end + 1 {
                end = value
                continue
            }
            parts.append(start == end ? "\(start)" : "\(start)–\(end)")
            (start, end) = (value, value)
        }
        if !values.isEmpty { parts.append(start == end ? "\(start)" : "\(start)–\(end)") }
        return parts.joined(separator: ", ")
    }
}
