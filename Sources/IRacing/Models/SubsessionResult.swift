import Foundation

/// `results/get`: one subsession with every simsession (practice, qualifying, race...).
public struct SubsessionResult: Decodable, Sendable {
    public var subsessionId: Int
    public var sessionId: Int?
    public var seriesId: Int?
    public var seriesName: String?
    public var seasonName: String?
    public var leagueId: Int?
    public var leagueName: String?
    public var leagueSeasonId: Int?
    public var startTime: Date?
    public var endTime: Date?
    public var eventType: Int?
    /// "Race", "Practice", "Qualify", "Time Trial".
    public var eventTypeName: String?
    public var eventStrengthOfField: Int?
    public var eventBestLapTime: IRacingDuration?
    public var numDrivers: Int?
    public var track: TrackReference?
    public var carClasses: [CarClass]?
    public var sessionResults: [SimsessionResult]
    public var minTeamDrivers: Int?
    public var maxTeamDrivers: Int?

    /// The main event (simsession 0), or the last simsession when there is none.
    public var mainEvent: SimsessionResult? {
        sessionResults.first { $0.simsessionNumber == 0 } ?? sessionResults.last
    }

    /// A team event lists teams, each with its drivers' rows.
    public var isTeamEvent: Bool {
        sessionResults.contains { $0.results.contains { !($0.driverResults ?? []).isEmpty } }
    }
}

public struct CarClass: Decodable, Sendable, Hashable {
    public var carClassId: Int
    public var shortName: String?
    public var name: String?
}

/// One simsession: `simsessionNumber` 0 is the main event, -1 the one before it, and so on.
public struct SimsessionResult: Decodable, Sendable {
    public var simsessionNumber: Int
    public var simsessionType: Int?
    public var simsessionTypeName: String?
    public var simsessionName: String?
    public var results: [ResultRow]

    /// Every driver's row with the team row it belongs to (nil in a solo event).
    public var driverRows: [(driver: ResultRow, team: ResultRow?)] {
        results.flatMap { row -> [(driver: ResultRow, team: ResultRow?)] in
            if let drivers = row.driverResults, !drivers.isEmpty { return drivers.map { ($0, row) } }
            return [(row, nil)]
        }
    }
}

/// A driver's row, or in a team event a team's row (negative `teamId`) with `driverResults`.
/// Positions are 0-based.
public struct ResultRow: Decodable, Sendable {
    public var custId: Int?
    public var teamId: Int?
    public var displayName: String?
    public var finishPosition: Int?
    public var finishPositionInClass: Int?
    public var startingPosition: Int?
    public var lapsComplete: Int?
    public var lapsLead: Int?
    public var incidents: Int?
    public var interval: IRacingDuration?
    public var bestLapTime: IRacingDuration?
    public var bestLapNum: Int?
    public var averageLap: IRacingDuration?
    public var oldiRating: Int?
    public var newiRating: Int?
    public var oldSubLevel: Int?
    public var newSubLevel: Int?
    public var oldLicenseLevel: Int?
    public var newLicenseLevel: Int?
    public var champPoints: Int?
    public var carId: Int?
    public var carName: String?
    public var carClassId: Int?
    public var carClassName: String?
    public var carClassShortName: String?
    public var reasonOut: String?
    public var driverResults: [ResultRow]?
}
