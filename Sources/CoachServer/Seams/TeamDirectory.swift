import Foundation
import Storage

/// The web `/team` page's data (Storage's `TeamWebRepository`): who a signed-in driver may see
/// as a team member, the messages sent to drivers and what became of them, the drivers' laps.
public protocol TeamDirectory: Sendable {
    func sharedDrivers(viewerID: Int64, limit: Int) async throws -> [SharedDriver]
    /// The team through which `viewerID` may see `driverID`; nil: not a member of any team the
    /// driver shared with (the page answers as for a driver that does not exist).
    func sharedDriver(_ driverID: Int64, viewerID: Int64) async throws -> SharedDriver?
    func addMessage(guildID: String, driverID: Int64, senderID: Int64, text: String, at now: Date) async throws -> Int64
    func messageSaid(id: Int64, sessionID: String, lapNumber: Int, lapDistance: Double, at now: Date) async throws
    func messagesNotSaid(ids: [Int64]) async throws
    func recentMessages(driverIDs: [Int64], limit: Int) async throws -> [TeamMessageRecord]
    func recentLaps(driverID: Int64, limit: Int) async throws -> [SharedLap]
}

extension TeamWebRepository: TeamDirectory {}
