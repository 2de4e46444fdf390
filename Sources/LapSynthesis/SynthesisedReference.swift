import Coaching
import Foundation
import Telemetry

/// A reference for a real circuit made from its measured race line, without a driver: the
/// synthesised lap, the track map segmented from it, and the file name they ship under.
public struct SynthesisedReference: Sendable {
    public let track: SyntheticTrack
    public let car: CarProfile
    public let lap: ReferenceLap
    public let trackMap: TrackMap
    /// `<track slug>-<car key>`, e.g. `spa-francorchamps-gt4`: the files are
    /// `<baseName>.reference.json` and `<baseName>.trackmap.json`.
    public let baseName: String

    public init(line: TrackLine, name: String, configuration: String, carKey: String, car: CarProfile) throws(CurvatureProfileError) {
        let track = try SyntheticTrack(name: name, configuration: configuration, line: line)
        let lap = LapSynthesizer.referenceLap(track: track, car: car)
        self.track = track
        self.car = car
        self.lap = lap
        self.trackMap = TrackSegmenter.trackMap(for: lap, track: track.descriptor)
        self.baseName = [Self.slug(name), Self.slug(configuration), Self.slug(carKey)].filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// Lowercase ASCII letters and digits, every other run of characters one hyphen:
    /// "Spa-Francorchamps" -> "spa-francorchamps", "Brands Hatch (GP)" -> "brands-hatch-gp";
    /// accents are dropped first ("Nürburgring" -> "nurburgring").
    public static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }
}
