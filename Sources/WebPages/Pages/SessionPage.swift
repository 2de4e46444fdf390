import Foundation

/// `/sessions/{id}`: the laps table, best and theoretical best, the costliest corners.
public struct SessionPageInput: Sendable {
    public struct Lap: Sendable {
        public var id: Int64
        public var number: Int32
        public var lapTime: Double?
        public var deltaToReference: Double?
        public var isValid: Bool
        /// `LapInvalidReason` raw value.
        public var invalidReason: String?

        public init(id: Int64, number: Int32, lapTime: Double?, deltaToReference: Double?, isValid: Bool, invalidReason: String?) {
            self.id = id
            self.number = number
            self.lapTime = lapTime
            self.deltaToReference = deltaToReference
            self.isValid = isValid
            self.invalidReason = invalidReason
        }
    }

    public struct CornerTime: Sendable {
        public var corner: Int
        public var name: String?
        public var seconds: Double

        public init(corner: Int, name: String?, seconds: Double) {
            self.corner = corner
            self.name = name
            self.seconds = seconds
        }
    }

    public var id: String
    public var track: String
    public var car: String
    public var startedAt: Date
    public var referenceReason: String
    public var laps: [Lap]
    /// From Coaching's `SessionReport` (the REST report): best valid lap, theoretical best, costliest corners.
    public var bestLapNumber: Int32?
    public var bestLapTime: Double?
    public var theoreticalBest: Double?
    public var costliestCorners: [CornerTime]

    public init(
        id: String, track: String, car: String, startedAt: Date, referenceReason: String, laps: [Lap], bestLapNumber: Int32?,
        bestLapTime: Double?, theoreticalBest: Double?, costliestCorners: [CornerTime]
    ) {
        self.id = id
        self.track = track
        self.car = car
        self.startedAt = startedAt
        self.referenceReason = referenceReason
        self.laps = laps
        self.bestLapNumber = bestLapNumber
        self.bestLapTime = bestLapTime
        self.theoreticalBest = theoreticalBest
        self.costliestCorners = costliestCorners
    }
}

struct SessionView {
    struct Lap {
        let id: Int64, number: Int32, time: String, delta: String, status: String, isBest: Bool, compareHref: String?
    }

    struct Corner {
        let corner: Int, name: String, seconds: String
    }

    let s: WebStrings
    let track: String, car: String, date: String, reference: String
    let bestLap: String, theoreticalBest: String
    let hasCostliest: Bool
    let costliest: [Corner]
    let hasLaps: Bool
    let laps: [Lap]
    /// The session's corners and cues pages.
    let cornersHref: String, cuesHref: String, a: AnalysisStrings

    init(_ input: SessionPageInput, chrome: PageChrome) {
        let format = chrome.format, strings = chrome.strings
        s = strings
        a = AnalysisStrings.of(chrome.language)
        cornersHref = "/sessions/\(input.id)/corners"
        cuesHref = "/sessions/\(input.id)/cues"
        track = input.track
        car = input.car
        date = format.dateTime(input.startedAt)
        reference = strings.referenceReason(input.referenceReason)
        bestLap = input.bestLapNumber.map { "\(format.lapTime(input.bestLapTime)) (\(strings.columnLap) \($0))" } ?? format.lapTime(nil)
        theoreticalBest = format.lapTime(input.theoreticalBest)
        costliest = input.costliestCorners.map {
            Corner(corner: $0.corner, name: strings.cornerName($0.corner, name: $0.name), seconds: format.number($0.seconds, decimals: 3) + " " + strings.seconds)
        }
        hasCostliest = !costliest.isEmpty
        let best = input.laps.first { $0.number == input.bestLapNumber }
        laps = input.laps.map { lap in
            Lap(
                id: lap.id, number: lap.number, time: format.lapTime(lap.lapTime), delta: format.delta(lap.deltaToReference),
                status: lap.isValid ? strings.valid : strings.reason(lap.invalidReason), isBest: lap.id == best?.id,
                compareHref: best.flatMap { $0.id == lap.id || lap.lapTime == nil ? nil : "/laps/compare?a=\($0.id)&b=\(lap.id)" })
        }
        hasLaps = !laps.isEmpty
    }
}
