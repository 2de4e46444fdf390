/// A driver's session has ended: the Discord bot sends the driver (where they linked their
/// coaching to a guild) the session report by DM.
public struct SessionEndedEvent: Sendable, Hashable {
    public var driverName: String
    public var driverID: Int64
    public var sessionID: String
    /// The language the driver was coached in (`en`, `tr`): the report is written in it.
    public var language: String

    public init(driverName: String, driverID: Int64, sessionID: String, language: String) {
        self.driverName = driverName
        self.driverID = driverID
        self.sessionID = sessionID
        self.language = language
    }
}

/// The plain-text report of a stored session (the form `GET /api/v1/sessions/{id}/report?format=text`
/// returns). The executable adapts the database to it; the bot only sends what it returns.
public protocol SessionReportTextSource: Sendable {
    /// nil when the session is not the driver's, or not stored.
    func reportText(sessionID: String, driverID: Int64, language: String) async throws -> String?
}
