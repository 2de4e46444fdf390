import Coaching
import LapSynthesis
import Foundation
import Telemetry

/// Where the simulated drivers' laps come from.
public enum LapSource: Sendable, Equatable {
    /// Laps synthesised on a reference file's track, with injected mistakes so cues happen
    /// (the default: `ReferenceLaps/brands-hatch-gp-gt4.reference.json`).
    case synthesized(reference: URL, laps: Int)
    /// An iRacing telemetry file, replayed as recorded.
    case ibt(URL)
    /// A CSV lap (docs: Telemetry/CSV) on the given track and car.
    case csv(URL, session: SessionDescriptor)
    /// A reference-lap file, driven exactly as stored.
    case reference(URL)

    /// The shipped reference the demo and the default load run use: the shortest lap.
    public static func defaultReference(in directory: URL = URL(fileURLWithPath: "ReferenceLaps")) -> URL {
        directory.appendingPathComponent("brands-hatch-gp-gt4.reference.json")
    }
}

/// The laps of one kind of driver: what its `hello` says and the frames it sends, in order.
public struct DriverLaps: Sendable {
    public var session: SessionDescriptor
    public var frames: [TelemetryFrame]
    /// Corners with mistakes injected, per lap (empty for recorded sources): what cues to expect.
    public var injected: [InjectedMistake]
    /// The frames a one-pass replay (`stream`) sends; load runs loop over all of them.
    public var replayRange: Range<Int>

    public init(session: SessionDescriptor, frames: [TelemetryFrame], injected: [InjectedMistake] = []) {
        self.session = session
        self.frames = frames
        self.injected = injected
        self.replayRange = 0..<frames.count
    }

    /// Channels present in every frame (only those are sent, so no NaN reaches the server).
    public var channels: ChannelMask {
        frames.reduce(ChannelMask.all) { $0.intersection($1.presentChannels) }.union(.required)
    }
}

extension LapSource {
    /// Reads or synthesises the laps. `variant` picks different mistakes and noise for
    /// synthesised laps (so drivers are not clones); recorded sources ignore it.
    public func load(seed: UInt64, variant: Int = 0) throws(LoadError) -> DriverLaps {
        let laps: DriverLaps
        switch self {
        case .synthesized(let url, let count):
            let track = try RecoveredTrack(referenceFile: url)
            laps = track.drive(laps: count, seed: seed &+ UInt64(variant) &* 0x9E37_79B9)
        case .ibt(let url):
            do {
                let file = try IBTFile(contentsOf: url)
                guard let session = file.sessionInfo.sessionDescriptor else {
                    throw LoadError(.unreadableSource, "\(url.lastPathComponent): no track in the session info")
                }
                laps = DriverLaps(session: session, frames: try file.frames())
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError(.unreadableSource, "\(url.lastPathComponent): \(error)")
            }
        case .csv(let url, let session):
            do { laps = DriverLaps(session: session, frames: try LapCSV.read(url)) } catch {
                throw LoadError(.unreadableSource, "\(url.lastPathComponent): \(error)")
            }
        case .reference(let url):
            do {
                let reference = try ReferenceLapFile.read(from: url)
                laps = DriverLaps(session: reference.metadata.session, frames: ReferencePlayback.frames(of: reference))
            } catch {
                throw LoadError(.unreadableSource, "\(url.lastPathComponent): \(error)")
            }
        }
        guard laps.frames.count >= 2 else { throw LoadError(.unreadableSource, "the source holds fewer than 2 frames") }
        return laps
    }
}

extension ReferenceLapMetadata {
    /// The hello a driver of this reference's track and car sends.
    var session: SessionDescriptor {
        SessionDescriptor(sim: sim == "synthetic" ? "iracing" : sim, track: track, car: car, sessionType: "practice")
    }
}
