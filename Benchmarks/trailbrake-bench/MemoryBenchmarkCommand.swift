import ArgumentParser
import Coaching
import Foundation
import FrameRing
import LoadTesting
import Logging
import Storage
import Telemetry

/// Memory per driver of the coaching state the server keeps for a live session, built in-process
/// for many drivers at once: the `DriverCoach` (lap tracker with the lap in progress, delta,
/// corner coach with its live grid laps) and the frame ring a session's inbox holds. Resident
/// memory is read after each step and divided by the drivers, so the breakdown is measured, not
/// estimated. The socket side (NIO, WebSocket buffers) is not in it:
/// the load tool measures the whole server, and the difference is the connection's share.
struct MemoryBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Bytes per driver of live coaching state (coach, lap in progress, frame ring).")

    @Option(help: "Drivers built side by side.")
    var drivers = 300

    @Option(help: "Seconds of 60 Hz frames fed to every driver (about 90 s fills a Brands Hatch GP lap).")
    var seconds = 130.0

    @Option(help: "Slots of each driver's frame ring (the server's `live.ring_capacity`).")
    var ringCapacity = 1024

    @Flag(help: "Keep the lap in progress as plain frames (as before the server packed it).")
    var plainLaps = false

    @Option(help: "Spool each lap in progress (frames and grid) to a spool file in this directory, as the server does (60-frame chunks); without it the packed chunks stay in memory.")
    var spoolDirectory: String?

    @Flag(help: "Let every coach plan its own corners (as before the library shared one plan book per reference).")
    var unsharedPlans = false

    @Option(help: "Directory of the shipped reference laps.")
    var referenceDirectory = "ReferenceLaps"

    mutating func run() throws {
        let directory = URL(fileURLWithPath: referenceDirectory)
        let referenceURL = LapSource.defaultReference(in: directory)
        let reference = try ReferenceLapFile.read(from: referenceURL)
        let mapURL = directory.appendingPathComponent("brands-hatch-gp-gt4.trackmap.json")
        let map = try? TrackMapFile.read(from: mapURL)
        let laps = try LapSource.synthesized(reference: referenceURL, laps: 3).load(seed: 1)
        // One reference for every driver, chosen through a library as the server's coaches are.
        var choice = ReferenceLibrary(entries: [.init(reference: reference, trackMap: map)])
            .choose(for: laps.session, allowOtherCars: true)
        guard choice.reference != nil else { throw ValidationError("the synthesised session does not match the reference's track") }
        if unsharedPlans { choice.cornerPlans = nil }
        let spool = try spoolDirectory.map { directory in
            try LapChunkSpool(directory: URL(fileURLWithPath: directory), logger: Logger(label: "memory-benchmark"))
        }
        let frameCount = min(laps.frames.count, Int(seconds * 60))
        let frames = Array(laps.frames[0..<frameCount])
        print("memory benchmark: \(drivers) drivers, \(frameCount) frames each (\(Int(seconds)) s at 60 Hz), "
            + "ring \(ringCapacity) slots, reference \(reference.count) grid points, "
            + (plainLaps ? "plain laps" : "packed laps (\(LapTelemetryChunkPacker(spool: spool).chunkFrames)-frame chunks\(spool == nil ? "" : ", spooled to disk"))")
            + (unsharedPlans ? ", corner plans per driver" : ", corner plans shared (\(choice.cornerPlans?.count ?? 0) corners)"))
        print("layout: TelemetryFrame \(MemoryLayout<TelemetryFrame>.stride) B, LiveFrame \(MemoryLayout<LiveFrame>.stride) B")

        var meter = MemoryMeter()
        var coaches: [DriverCoach] = []
        var rings: [SPSCRing<LiveFrame>] = []
        coaches.reserveCapacity(drivers)
        rings.reserveCapacity(drivers)
        meter.mark("baseline")

        for _ in 0..<drivers {
            // The server's coach configuration: the storage codec packs the lap in progress.
            let packer = LapTelemetryChunkPacker(spool: spool)
            let configuration = DriverCoachConfiguration(framePacker: plainLaps ? nil : packer)
            coaches.append(DriverCoach(session: laps.session, reference: choice, language: .english, configuration: configuration))
        }
        meter.step("coach made (no frame yet)", drivers: drivers)

        for _ in 0..<drivers { rings.append(SPSCRing<LiveFrame>(capacity: ringCapacity)) }
        // Every slot gets written once in a session's first seconds: touch them all.
        let touch = LiveFrame(frame: frames[0], batchSequence: 0)
        for ring in rings {
            for _ in 0..<ring.capacity { _ = ring.push(touch) }
            while ring.pop() != nil {}
        }
        meter.step("frame ring, every slot written", drivers: drivers)

        var events: [CoachingEvent] = []
        var framesInLap = 0
        var lapsCompleted = 0
        for (index, coach) in coaches.enumerated() {
            for (sequence, frame) in frames.enumerated() {
                events.removeAll(keepingCapacity: true)
                coach.process(LiveFrame(frame: frame, batchSequence: UInt64(sequence / 6 + 1)), into: &events)
                guard index == 0 else { continue }
                framesInLap += 1
                if events.contains(where: { if case .lapCompleted = $0 { true } else { false } }) {
                    lapsCompleted += 1
                    framesInLap = 1
                }
            }
        }
        meter.step("fed \(Int(seconds)) s: \(lapsCompleted) laps done, \(framesInLap) frames in the lap in progress",
            drivers: drivers)
        meter.total(drivers: drivers)
        withExtendedLifetime((coaches, rings)) {}
    }
}

/// Resident memory (`/proc/self/statm`), step by step.
struct MemoryMeter {
    private var lastResident = 0
    private var firstResident = 0

    mutating func mark(_ label: String) {
        lastResident = Self.residentBytes()
        firstResident = lastResident
        print(String(format: "%@: resident %.1f MiB", label, Double(lastResident) / 1_048_576))
    }

    mutating func step(_ label: String, drivers: Int) {
        let resident = Self.residentBytes()
        print(String(format: "  %@: +%.0f B resident per driver", label, Double(resident - lastResident) / Double(drivers)))
        lastResident = resident
    }

    func total(drivers: Int) {
        print(String(format: "total per driver: %.1f KiB resident", Double(lastResident - firstResident) / Double(drivers) / 1024))
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
