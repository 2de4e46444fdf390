import ArgumentParser
import Coaching
import LapSynthesis
import Foundation
import Telemetry

/// `trailbrake reference synthesize`: a reference lap and track map for a real circuit, made
/// from its race line (a TUMFTM racetrack-database `racelines/<Track>.csv`) by the
/// quasi-steady-state lap synthesiser. Prints one line: track, car, length, lap time, corners.
struct ReferenceSynthesizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Synthesise a reference lap and track map from a race line (TUMFTM CSV).")

    @Option(help: "Race line CSV (# x_m,y_m), a closed line in metres.")
    var raceline: String

    @Option(help: "Track name, as clients report it.")
    var name: String

    @Option(help: "Track configuration (layout), as clients report it.")
    var config: String = ""

    @Option(help: "Car preset: \(CarProfile.presets.map(\.key).joined(separator: ", ")).")
    var car: String = "gt4"

    @Option(help: "Another name sims give this track (repeatable), e.g. --alias \"spa 2024 up\"; matched with any configuration.")
    var alias: [String] = []

    @Option(help: "Directory to write <slug>-<car>.reference.json and .trackmap.json into.")
    var out: String = "."

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
        guard CarProfile.preset(named: car) != nil else {
            throw ValidationError("unknown --car \(car); expected one of \(CarProfile.presets.map(\.key).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let profile = CarProfile.preset(named: car) else { throw ValidationError("unknown --car \(car)") }
        let reference: SynthesisedReference
        do {
            let line = try TrackGeometryCSV.read(from: URL(fileURLWithPath: raceline))
            reference = try SynthesisedReference(line: line, name: name, configuration: config, carKey: car.lowercased(), car: profile)
        } catch let error as TrackGeometryError {
            throw fail(code: error.code, error.description)
        } catch let error as CurvatureProfileError {
            throw fail(code: error.code, error.description)
        }
        var lap = reference.lap
        if !alias.isEmpty { lap.metadata.trackAliases = alias.map { TrackAlias(name: $0) } }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try ReferenceLapFile.write(lap, to: directory.appendingPathComponent("\(reference.baseName).reference.json"))
            try TrackMapFile.write(reference.trackMap, to: directory.appendingPathComponent("\(reference.baseName).\(TrackMapFile.fileExtension)"))
        } catch let error as ReferenceFileError {
            throw fail(code: error.code, error.description)
        } catch {
            throw fail(code: "unwritable", "cannot create \(directory.path): \(error.localizedDescription)")
        }
        let lapTime = String(format: "%.3f", reference.lap.metadata.lapTime)
        print("\(name) | \(profile.name) | \(Int(reference.track.length)) m | \(lapTime) s | \(reference.trackMap.corners.count) corners")
    }

    /// Prints `error [code]: message` on standard error and exits with status 1.
    private func fail(code: String, _ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error [\(code)]: \(message)\n".utf8))
        return ExitCode.failure
    }
}
