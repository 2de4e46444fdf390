/// The session facts Trailbrake needs, scanned line by line from the session-info YAML.
///
/// iRacing's YAML is not always valid YAML (unquoted names with colons), so rather than parse it
/// whole, this reads only a handful of known keys at known indentation.
public struct IBTSessionInfo: Sendable, Equatable {
    public var trackName: String?
    public var trackDisplayName: String?
    public var trackConfigName: String?
    /// `TrackLength` converted to metres ("0.58 km" → 580).
    public var trackLength: Double?
    /// The driver's car: `DriverInfo.Drivers[CarIdx == DriverCarIdx].CarScreenName`.
    public var carScreenName: String?
    /// `SessionType` of the first session ("Practice", "Offline Testing", ...).
    public var sessionType: String?

    public init(yaml: String) {
        var scanner = IBTYAMLScanner()
        for line in yaml.split(whereSeparator: \.isNewline) {
            scanner.read(line)
        }
        trackName = scanner.weekend["TrackName"]
        trackDisplayName = scanner.weekend["TrackDisplayName"]
        trackConfigName = scanner.weekend["TrackConfigName"]
        trackLength = scanner.weekend["TrackLength"].flatMap(Self.metres)
        carScreenName = scanner.driverCarIndex.flatMap { scanner.carScreenNames[$0] }
        sessionType = scanner.firstSessionType
    }

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

/// State of the line scan: which top-level section and list entry the current line belongs to.
struct IBTYAMLScanner {
    var weekend: [String: String] = [:]
    var driverCarIndex: Int?
    var carScreenNames: [Int: String] = [:]
    var firstSessionType: String?

    private var section = ""
    private var subsection = ""
    private var currentCarIndex: Int?

    mutating func read(_ line: Substring) {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        if indent == 0 {
            if body.hasSuffix(":") { section = String(body.dropLast()) }
            subsection = ""
            return
        }
        let isListItem = body.hasPrefix("- ")
        let entry = isListItem ? body.dropFirst(2) : body
        guard let (key, value) = Self.keyValue(entry) else { return }
        if indent == 1 && !isListItem { subsection = key }
        switch section {
        case "WeekendInfo" where indent == 1:
            weekend[key] = value
        case "SessionInfo" where subsection == "Sessions" && key == "SessionType":
            if firstSessionType == nil { firstSessionType = value }
        case "DriverInfo":
            if indent == 1 && key == "DriverCarIdx" { driverCarIndex = Int(value) }
            guard subsection == "Drivers" else { return }
            if isListItem && key == "CarIdx" { currentCarIndex = Int(value) }
            if key == "CarScreenName", let currentCarIndex { carScreenNames[currentCarIndex] = value }
        default:
            return
        }
    }

    /// "Key: value" with surrounding quotes and spaces removed; "Key:" alone has an empty value.
    private static func keyValue(_ text: Substring) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = String(text[..<colon])
        var value = String(text[text.index(after: colon)...]).trimmingWhitespace()
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        return (key, value)
    }
}
