import Foundation
import IRacing
import Integration

/// Turns one iRacing result into the post for one guild: the session's facts plus a row for
/// each of the guild's tracked drivers who took part in the main event (1-based positions,
/// seconds, licence classes: the display units `RaceResultEntry` promises).
enum PostBuilder {
    /// The post, or nil when none of `tracked` drove in the main event after being tracked.
    static func post(
        for result: SubsessionResult, guild: GuildID, tracked: [Int: Date], lookback: TimeInterval
    ) -> RaceResultPost? {
        guard let main = result.mainEvent else { return nil }
        let sessionTime = result.endTime ?? result.startTime ?? .distantPast
        let entries = main.driverRows.compactMap { driver, team -> RaceResultEntry? in
            guard let memberID = driver.custId, let since = tracked[memberID],
                sessionTime >= since.addingTimeInterval(-lookback)
            else { return nil }
            return entry(driver: driver, team: team, memberID: memberID, classes: result.carClasses ?? [])
        }
        guard !entries.isEmpty else { return nil }
        let isTeamEvent = result.isTeamEvent
        return RaceResultPost(
            guildID: guild, subsessionID: result.subsessionId,
            seriesName: result.seriesName ?? result.leagueName ?? "iRacing session",
            eventType: result.eventTypeName ?? "Race", trackName: result.track?.trackName ?? "Unknown track",
            trackConfiguration: result.track?.configName.flatMap { $0.isEmpty ? nil : $0 }, leagueName: result.leagueName,
            startTime: result.startTime ?? sessionTime, fieldSize: main.results.count,
            strengthOfField: result.eventStrengthOfField.flatMap { $0 > 0 ? $0 : nil }, isTeamEvent: isTeamEvent,
            entries: entries)
    }

    /// In a team event the positions are the team's and the rest the driver's own.
    static func entry(driver: ResultRow, team: ResultRow?, memberID: Int, classes: [CarClass]) -> RaceResultEntry {
        let placed = team ?? driver
        let classID = placed.carClassId ?? driver.carClassId
        let className = placed.carClassName ?? driver.carClassName ?? classes.first { $0.carClassId == classID }?.shortName
        return RaceResultEntry(
            memberID: memberID, driverName: driver.displayName ?? "Member \(memberID)", teamName: team?.displayName,
            carName: placed.carName ?? driver.carName ?? "", carClassName: className ?? "",
            finishPosition: oneBased(placed.finishPosition), classPosition: oneBased(placed.finishPositionInClass),
            lapsCompleted: max(driver.lapsComplete ?? 0, 0), incidents: max(driver.incidents ?? 0, 0),
            oldIRating: rating(driver.oldiRating), newIRating: rating(driver.newiRating),
            oldSafetyRating: LicenceLevel.safetyRating(level: driver.oldLicenseLevel, subLevel: driver.oldSubLevel),
            newSafetyRating: LicenceLevel.safetyRating(level: driver.newLicenseLevel, subLevel: driver.newSubLevel),
            bestLapTime: driver.bestLapTime?.seconds, reasonOut: driver.reasonOut)
    }

    /// results/get positions are 0-based; a missing or negative one shows as 0 (unknown).
    static func oneBased(_ position: Int?) -> Int {
        guard let position, position >= 0, position < Int.max else { return 0 }
        return position + 1
    }

    /// iRacing sends -1 (or 0) for "no rating".
    static func rating(_ value: Int?) -> Int? {
        guard let value, value > 0 else { return nil }
        return value
    }
}

/// iRacing's licence level: 1-4 Rookie, 5-8 D, 9-12 C, 13-16 B, 17-20 A, 21 and up Pro; the
/// sub-level is the safety rating times 100.
enum LicenceLevel {
    static let classes = ["R", "D", "C", "B", "A"]

    static func licenceClass(level: Int) -> String? {
        guard level >= 1 else { return nil }
        let index = (level - 1) / 4
        return index < classes.count ? classes[index] : "P"
    }

    static func safetyRating(level: Int?, subLevel: Int?) -> SafetyRating? {
        guard let level, let subLevel, subLevel >= 0, let licenceClass = licenceClass(level: level) else { return nil }
        return SafetyRating(licenceClass: licenceClass, rating: Double(subLevel) / 100)
    }
}
