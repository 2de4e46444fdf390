/// The session facts Trailbrake needs, read from the session-info YAML (parsed with Yams after
/// `SessionInfoYAML` repairs iRacing's quirks). `document` keeps everything else reachable.
public struct IBTSessionInfo: Sendable, Equatable {
    public var trackName: String?
    public var trackDisplayName: String?
    /// "" for tracks with a single layout.
    public var trackConfigName: String?
    /// `TrackLength` converted to metres ("0.58 km" → 580).
    public var trackLength: Double?
    /// The player's car: `DriverInfo.Drivers[CarIdx == DriverCarIdx].CarScreenName`.
    public var carScreenName: String?
    /// `SessionType` of the first session ("Practice", "Offline Testing", ...).
    public var sessionType: String?
    /// Every session of the event in order (practice, qualify, race ...).
    public var sessions: [IBTSession]
    /// The player's entry in `DriverInfo.Drivers`; nil when the list has no `DriverCarIdx` entry.
    public var driver: IBTDriver?
    /// The whole document, for anything not lifted into a field above.
    public var document: SessionInfoNode

    /// Parses the YAML text of an .ibt file or the live memory map.
    public init(yaml: String) throws(IBTError) {
        try self.init(document: SessionInfoYAML.parse(yaml))
    }

    public init(document: SessionInfoNode) {
        self.document = document
        let weekend = document["WeekendInfo"]
        trackName = weekend?["TrackName"]?.string
        trackDisplayName = weekend?["TrackDisplayName"]?.string
        trackConfigName = weekend?["TrackConfigName"]?.string
        trackLength = weekend?["TrackLength"]?.string.flatMap(Self.metres)
        sessions = document.value(at: "SessionInfo", "Sessions")?.items.map(IBTSession.init) ?? []
        sessionType = sessions.first?.type
        let playerIndex = document.value(at: "DriverInfo", "DriverCarIdx")?.integer
        let entries = document.value(at: "DriverInfo", "Drivers")?.items ?? []
        driver = entries.first { $0["CarIdx"]?.integer == playerIndex && playerIndex != nil }.map(IBTDriver.init)
        carScreenName = driver?.carScreenName
    }

    /// The session types in order, e.g. `["Practice", "Qualify", "Race"]`.
    public var sessionTypes: [String] { sessions.compactMap(\.type) }

    /// What a client would say in its hello for this recording: display name when present, the
    /// session type lowercased ("offline testing"), sim "iracing". Nil without track, length or car.
    public var sessionDescriptor: SessionDescriptor? {
        guard let name = trackDisplayName ?? trackName, let trackLength, let carScreenName else { return nil }
        return SessionDescriptor(
            sim: "iracing", track: TrackDescriptor(name: name, configuration: trackConfigName ?? "", length: trackLength),
            car: carScreenName, sessionType: (sessionType ?? "unknown").lowercased())
    }

    /// "5.7938 km" → 5793.8, "1.2 mi" → 1931.2, "580 m" → 580; nil for anything else.
    static func metres(_ text: String) -> Double? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, let number = Double(first), number.isFinite, number > 0 else { return nil }
        switch parts.count > 1 ? parts[1].lowercased() : "m" {
        case "km": return number * 1000
        case "mi": return number * 1609.344
        case "m": return number
        default: return nil
        }
    }
}

/// One entry of `SessionInfo.Sessions`.
public struct IBTSession: Sendable, Equatable {
    public var number: Int?
    /// "Practice", "Qualify", "Race", "Offline Testing", ...
    public var type: String?
    public var name: String?

    init(_ node: SessionInfoNode) {
        number = node["SessionNum"]?.integer
        type = node["SessionType"]?.string
        name = node["SessionName"]?.string
    }
}

/// The player's entry of `DriverInfo.Drivers`.
public struct IBTDriver: Sendable, Equatable {
    public var carIndex: Int?
    public var userName: String?
    public var userID: Int?
    public var teamName: String?
    public var carNumber: String?
    public var carScreenName: String?
    public var carPath: String?
    public var carID: Int?

    init(_ node: SessionInfoNode) {
        carIndex = node["CarIdx"]?.integer
        userName = node["UserName"]?.string
        userID = node["UserID"]?.integer
        teamName = node["TeamName"]?.string
        carNumber = node["CarNumber"]?.string
        carScreenName = node["CarScreenName"]?.string
        carPath = node["CarPath"]?.string
        carID = node["CarID"]?.integer
    }
}
