/// Every word the pages show, one instance per language (`+English`, `+Turkish`). A stored
/// property per string: a language missing one does not compile.
public struct WebStrings: Sendable {
    // Layout
    var skipToContent: String
    var navSessions: String
    var navListen: String
    var signOut: String
    /// The switch link's text, in the language it switches to.
    var otherLanguageName: String
    // Sessions list
    var sessionsTitle: String
    var columnDate: String
    var columnTrack: String
    var columnCar: String
    var columnBestLap: String
    var columnLaps: String
    var columnReference: String
    var noSessions: String
    var olderSessions: String
    var newestSessions: String
    // Reference choice (`ReferenceChoice.Reason` raw values)
    var referenceTrackAndCar: String
    var referenceTrack: String
    var referenceDriverBest: String
    var referenceNone: String
    // Session
    var sessionTitle: String
    var lapsHeading: String
    var columnLap: String
    var columnTime: String
    var columnDelta: String
    var columnStatus: String
    var valid: String
    var bestLap: String
    var theoreticalBest: String
    var theoreticalBestNote: String
    var costliestCorners: String
    var costliestNone: String
    var lostPerLap: String
    var compareWithBest: String
    var noLaps: String
    // Invalid reasons (`LapInvalidReason` raw values)
    var invalidOutLap: String
    var invalidPitRoad: String
    var invalidReset: String
    var invalidPartial: String
    var invalidOffTrack: String
    var invalidDataGap: String
    var invalidTooLong: String
    var invalidOther: String
    // Lap
    var lapTitle: String
    var compareTitle: String
    var deltaChart: String
    var speedChart: String
    var throttleChart: String
    var brakeChart: String
    var gearChart: String
    var steeringChart: String
    var thisLap: String
    var reference: String
    var showTable: String
    var columnDistance: String
    var noReference: String
    var noTelemetry: String
    var cornersHeading: String
    var columnCorner: String
    var columnTimeLost: String
    var columnMinimumSpeed: String
    var columnBrakePoint: String
    var backToSession: String
    var corner: String
    // Units
    var kilometresPerHour: String
    var seconds: String
    var metres: String
    // Notices
    var notFoundTitle: String
    var notFoundMessage: String
    var signInTitle: String
    var signInMessage: String
    var signInLink: String
    var unavailableTitle: String
    var unavailableMessage: String

    /// "Turn 3" / "Viraj 3", or the corner's own name.
    func cornerName(_ number: Int, name: String?) -> String {
        if let name, !name.isEmpty { return name }
        return corner.replacingOccurrences(of: "%d", with: "\(number)")
    }

    func reason(_ raw: String?) -> String {
        switch raw {
        case "out_lap": invalidOutLap
        case "pit_road": invalidPitRoad
        case "reset": invalidReset
        case "partial": invalidPartial
        case "off_track": invalidOffTrack
        case "data_gap": invalidDataGap
        case "too_long": invalidTooLong
        default: invalidOther
        }
    }

    func referenceReason(_ raw: String) -> String {
        switch raw {
        case "shipped_track_and_car": referenceTrackAndCar
        case "shipped_track": referenceTrack
        case "driver_best": referenceDriverBest
        default: referenceNone
        }
    }
}
