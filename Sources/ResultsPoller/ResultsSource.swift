import Foundation
import IRacing

/// What the poller needs from iRacing. `IRacingClient` is the real one.
public protocol ResultsSource: Sendable {
    func memberRecentRaces(memberID: Int) async throws(IRacingError) -> MemberRecentRaces
    func subsessionResult(subsessionID: Int) async throws(IRacingError) -> (result: SubsessionResult, json: Data)
    func lapDataJSON(subsessionID: Int, simsessionNumber: Int, memberID: Int?, teamID: Int?) async throws(IRacingError) -> Data
    func searchHosted(memberID: Int, leagueID: Int?, finishedAfter: Date) async throws(IRacingError) -> [HostedSession]
}

extension IRacingClient: ResultsSource {
    /// The merged laps re-encoded as one JSON array, the form they are stored in.
    public func lapDataJSON(subsessionID: Int, simsessionNumber: Int, memberID: Int?, teamID: Int?) async throws(IRacingError)
        -> Data
    {
        let laps = try await lapData(
            subsessionID: subsessionID, simsessionNumber: simsessionNumber, memberID: memberID, teamID: teamID)
        do { return try JSONEncoder().encode(laps.laps.map(StoredLap.init)) } catch { throw .decoding("lap data: cannot encode") }
    }
}

/// A lap as stored next to the result, in display units (seconds).
public struct StoredLap: Codable, Sendable, Hashable {
    public var memberID: Int?
    public var lapNumber: Int
    public var lapTime: Double?
    public var sessionTime: Double?
    public var events: [String]
    public var personalBest: Bool

    public init(_ row: LapDataRow) {
        memberID = row.custId
        lapNumber = row.lapNumber
        lapTime = row.lapTime?.seconds
        sessionTime = row.sessionTime?.seconds
        events = row.lapEvents ?? []
        personalBest = row.personalBestLap ?? false
    }
}
