import Foundation

/// `/references`: the reference library, each with its track map (corners, names, landmarks),
/// and for admins the upload that imports a reference from an .ibt or lap CSV.
public struct ReferencesPageInput: Sendable {
    public struct Corner: Sendable {
        public var number: Int, name: String?, landmark: String?, apex: Double, brakePoint: Double?
        public init(number: Int, name: String?, landmark: String?, apex: Double, brakePoint: Double?) {
            (self.number, self.name, self.landmark, self.apex, self.brakePoint) = (number, name, landmark, apex, brakePoint)
        }
    }

    public struct Reference: Sendable {
        public var track: String, car: String, sim: String, lapTime: Double, length: Double, source: String
        public var latitude: [Double], longitude: [Double]
        public var corners: [Corner]
        public init(
            track: String, car: String, sim: String, lapTime: Double, length: Double, source: String, latitude: [Double], longitude: [Double],
            corners: [Corner]
        ) {
            (self.track, self.car, self.sim, self.lapTime, self.length, self.source) = (track, car, sim, lapTime, length, source)
            (self.latitude, self.longitude, self.corners) = (latitude, longitude, corners)
        }
    }

    /// What the last upload did.
    public enum Outcome: Sendable {
        case imported([String])
        /// A stable code and a sentence saying what is wrong with the file.
        case refused(code: String, reason: String)
    }

    public var references: [Reference]
    /// Admins may upload; the largest file taken, in bytes.
    public var uploadLimit: Int?
    public var outcome: Outcome?

    public init(references: [Reference], uploadLimit: Int?, outcome: Outcome?) {
        self.references = references
        self.uploadLimit = uploadLimit
        self.outcome = outcome
    }
}

struct ReferencesView {
    struct CornerRow { let number: String, name: String, landmark: String, apex: String, brake: String }
    struct Item { let id: String, title: String, car: String, sim: String, lapTime: String, length: String, map: String, corners: [CornerRow] }

    let r: ReferenceStrings
    let csrf: String
    let items: [Item]
    let empty: Bool
    let upload: Bool
    let uploadLimit: String
    let imported: String?
    let refused: String?
    let refusedCode: String?

    init(_ input: ReferencesPageInput, chrome: PageChrome) {
        let format = chrome.format, words = ReferenceStrings.of(chrome.language)
        r = words
        csrf = chrome.csrfToken ?? ""
        items = input.references.enumerated().map { index, reference in
            let corners = reference.corners.map {
                CornerRow(
                    number: "\($0.number)", name: $0.name ?? "–", landmark: $0.landmark ?? "–", apex: format.number($0.apex, decimals: 0),
                    brake: $0.brakePoint.map { format.number($0, decimals: 0) } ?? "–")
            }
            let title = reference.track + " · " + reference.car
            return Item(
                id: "ref-\(index + 1)", title: reference.track, car: reference.car, sim: reference.sim, lapTime: format.lapTime(reference.lapTime),
                length: format.number(reference.length, decimals: 0),
                map: TrackMapSVG.render(
                    latitude: reference.latitude, longitude: reference.longitude, apexes: reference.corners.map { ($0.number, $0.apex) },
                    length: reference.length, title: words.mapOf + " " + title),
                corners: corners)
        }
        empty = items.isEmpty
        upload = input.uploadLimit != nil
        uploadLimit = format.number(Double(input.uploadLimit ?? 0) / 1_048_576, decimals: 0)
        switch input.outcome {
        case .imported(let names): (imported, refused, refusedCode) = (words.imported + " " + names.joined(separator: ", "), nil, nil)
        case .refused(let code, let reason): (imported, refused, refusedCode) = (nil, words.refused + " " + reason, code)
        case nil: (imported, refused, refusedCode) = (nil, nil, nil)
        }
    }
}
