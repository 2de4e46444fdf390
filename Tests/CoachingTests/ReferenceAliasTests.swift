import Coaching
import Foundation
import Telemetry
import TestSupport
import Testing

/// Sims name tracks their own way; a reference's `trackAliases` let the library match them while
/// the length check still keeps other layouts of the same circuit apart.
@Suite struct ReferenceAliasTests {
    static let spa = TrackDescriptor(name: "Spa-Francorchamps", configuration: "GP", length: 6938)

    static func library(aliases: [TrackAlias]?) -> ReferenceLibrary {
        let metadata = ReferenceLapMetadata(
            sim: "synthetic", track: spa, car: "GT4", lapTime: 150, source: "synthesised", date: "2026-01-01", trackAliases: aliases)
        let lap = ReferenceLap(metadata: metadata, time: [0, 1], speed: [1, 1], throttle: [1, 1], brake: [0, 0], steering: [0, 0], gear: [1, 1])
        return ReferenceLibrary(entries: [.init(reference: lap, trackMap: nil)])
    }

    static func session(_ name: String, _ configuration: String, _ length: Double) -> SessionDescriptor {
        SessionDescriptor(sim: "iracing", track: TrackDescriptor(name: name, configuration: configuration, length: length), car: "GT4", sessionType: "practice")
    }

    @Test func anAliasMatchesTheSimsNameInAnyConfigurationUnlessOneIsGiven() {
        let library = Self.library(aliases: [TrackAlias(name: "spa 2024 up"), TrackAlias(name: "Circuit de Spa-Francorchamps", configuration: "Grand Prix Pits")])
        #expect(library.choose(for: Self.session("Spa 2024 Up ", "", 7004), allowOtherCars: false).reference != nil)
        #expect(library.choose(for: Self.session("circuit de spa-francorchamps", "grand prix pits", 7004), allowOtherCars: false).reference != nil)
        #expect(library.choose(for: Self.session("Circuit de Spa-Francorchamps", "Endurance", 7004), allowOtherCars: false).reference == nil)
        #expect(Self.library(aliases: nil).choose(for: Self.session("spa 2024 up", "", 7004), allowOtherCars: false).reference == nil)
    }

    @Test func anAliasNeverMatchesAnotherLength() {
        let library = Self.library(aliases: [TrackAlias(name: "spa combined")])
        #expect(library.choose(for: Self.session("spa combined", "", 5200), allowOtherCars: false).reference == nil)
    }

    /// The shipped references answer to iRacing's own track names and lengths (session info
    /// `TrackName` / `TrackLength`), and Brands Hatch GP's never to the Indy layout.
    @Test(arguments: [
        ("spa 2024 up", 7004.0, "Spa-Francorchamps"), ("monza full", 5793.0, "Monza"),
        ("brands hatch grand prix", 3908.0, "Brands Hatch"),
    ])
    func shippedReferencesMatchIRacingsNames(name: String, length: Double, expected: String) throws {
        let directory = TestData.packageRoot.appendingPathComponent("ReferenceLaps")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".reference.json") }
        let library = ReferenceLibrary(entries: try files.map {
            .init(reference: try ReferenceLapFile.read(from: directory.appendingPathComponent($0)), trackMap: nil)
        })
        let choice = library.choose(for: Self.session(name, "", length), allowOtherCars: true)
        #expect(choice.reference?.metadata.track.name == expected)
        #expect(library.choose(for: Self.session("brands hatch indy", "", 1929), allowOtherCars: true).reference == nil)
    }
}
