import Discord
import Foundation
import Integration
import Synchronization

/// An in-memory tracked-driver list (the real one is SQLite, on the iRacing side).
final class InMemoryTrackedDrivers: TrackedDriverDirectory {
    private let drivers = Mutex<[TrackedDriver]>([])

    func track(memberID: Int, in guild: GuildID, leagueID: Int?) async throws -> TrackedDriver {
        drivers.withLock { drivers in
            if let existing = drivers.first(where: { $0.guildID == guild && $0.memberID == memberID }) { return existing }
            let driver = TrackedDriver(guildID: guild, memberID: memberID, leagueID: leagueID, trackedSince: Date())
            drivers.append(driver)
            return driver
        }
    }

    func untrack(memberID: Int, in guild: GuildID) async throws -> Bool {
        drivers.withLock { drivers in
            let before = drivers.count
            drivers.removeAll { $0.guildID == guild && $0.memberID == memberID }
            return drivers.count < before
        }
    }

    func trackedDrivers(in guild: GuildID) async throws -> [TrackedDriver] {
        drivers.withLock { $0.filter { $0.guildID == guild } }
    }
}

/// Results kept in memory, for `/lastrace`.
struct InMemoryResults: RaceResultArchive {
    var posts: [RaceResultPost]
    func latestResult(memberID: Int, in guild: GuildID) async throws -> RaceResultPost? {
        posts.filter { $0.guildID == guild && $0.entries.contains { $0.memberID == memberID } }.max { $0.startTime < $1.startTime }
    }
}

struct FixedReports: CoachingReportSource {
    var reports: [String: CoachingReport]
    func lastSessionReport(driverName: String) async throws -> CoachingReport? { reports[driverName] }
}

enum SampleResults {
    static func entry(_ member: Int, position: Int) -> RaceResultEntry {
        RaceResultEntry(
            memberID: member, driverName: "Driver \(member)", carName: "Mazda MX-5 Cup", carClassName: "MX-5",
            finishPosition: position, classPosition: position, lapsCompleted: 14, incidents: 2, oldIRating: 2_000,
            newIRating: 2_037, oldSafetyRating: SafetyRating(licenceClass: "A", rating: 3.41),
            newSafetyRating: SafetyRating(licenceClass: "A", rating: 3.52), bestLapTime: 92.4567)
    }

    static func post(guild: GuildID, subsession: Int = 71_234_567, entries: [RaceResultEntry]) -> RaceResultPost {
        RaceResultPost(
            guildID: guild, subsessionID: subsession, seriesName: "Global Mazda MX-5 Cup", eventType: "Race",
            trackName: "Okayama International Circuit", trackConfiguration: "Full Course",
            startTime: Date(timeIntervalSince1970: 1_767_225_600), fieldSize: 20, strengthOfField: 1_850, entries: entries)
    }
}
