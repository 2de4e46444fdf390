import CoachServer
import Coaching
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ServerSettings
import Storage
import Telemetry
import Testing

/// The lap in progress spooled to disk (`coaching.spool_lap_in_progress`, docs/performance.md)
/// through the real server: while a lap is under way its packed frames and the live grid's
/// packed blocks sit in the spool's one unnamed file under `<data_dir>/live-laps` (held open by
/// the server, no name in the directory), each in an extent of its own, and the laps stored hold
/// the same frames as with the lap kept in memory.
@Suite(.serialized) struct LiveLapSpoolTests {
    static let trackLength = 3_000
    static let hello = ClientMessages.hello(trackLength: Double(trackLength))

    /// A reference for the hello's track and car (the drive's 60 m/s, flat out), so the coach
    /// records the live lap on its grid.
    static let library: ReferenceLibrary = {
        let points = trackLength
        let reference = ReferenceLap(
            metadata: ReferenceLapMetadata(
                sim: "iracing", track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: Double(trackLength)),
                car: "SK Modified", lapTime: Double(points) / 60, source: "synthesised", date: "2026-12-06"),
            time: (0..<points).map { Float($0) / 60 }, speed: Array(repeating: 60, count: points),
            throttle: Array(repeating: 0.95, count: points), brake: Array(repeating: 0, count: points),
            steering: [], gear: Array(repeating: 4, count: points))
        return ReferenceLibrary(entries: [.init(reference: reference, trackMap: nil)])
    }()

    struct Drive: Sendable {
        /// Spool files the server held open 1,500 frames into lap 2, and their sizes.
        var openDuringLap: [Int]
        /// The spool's extents in use then (nil: no spool).
        var extentsDuringLap: Int?
        /// Names in `live-laps` at that moment.
        var namesDuringLap: [String]
        /// The spool's lines of `/metrics` at that moment.
        var metricsDuringLap: [String] = []
        var session: String
        /// Stored laps: number and telemetry.
        var stored: [Int32: StoredLapTelemetry] = [:]
        /// The spool's extents in use once the server has shut down.
        var extentsAfterShutdown: Int?
    }

    /// Out-lap, lap 2 driven half-way (then checked), finished; the session then ends.
    static func drive(spool: Bool) async throws -> Drive {
        let after = AfterShutdown()
        let during = try await EndToEndServer.with(
            library: library,
            configure: { $0.coaching.spoolLapInProgress = spool }
        ) { server in
            let spoolDirectory = server.directory.appendingPathComponent("live-laps")
            return try await LiveStream.run(url: server.liveURL, token: server.token, hello: hello) { stream, welcome in
                let drive = SyntheticDrive(length: trackLength)
                var driver = LapDriver(drive: drive, stream: stream)
                _ = try await driver.drive(throughCrossing: 1)
                // 1,500 frames of lap 2 (25 chunks of 60, 1,500 m: 11 grid blocks packed), acknowledged.
                let start = driver.nextFrame
                let batches = drive.batches(start..<(start + 1_500), firstSequence: driver.nextSequence)
                for batch in batches { try await stream.send(batch.buffer) }
                let last = try #require(batches.last?.sequence)
                _ = try await stream.inbox.next("ack", after: 0, where: { $0.seq == last })
                let openNow = Self.openSpoolFiles(in: spoolDirectory)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: spoolDirectory.path)) ?? []
                let (_, metrics) = try await RESTFixture.get(server, "/metrics")
                return Drive(
                    openDuringLap: openNow, extentsDuringLap: server.lapSpool?.extentsInUse, namesDuringLap: names,
                    metricsDuringLap: metrics.split(separator: "\n").map(String.init).filter { $0.hasPrefix("trailbrake_lap_spool_") },
                    session: welcome.session ?? "")
            }.value
        } afterShutdown: { server, during in
            // Shut down gracefully: every lap, the partial last one included, is stored by now.
            let laps = LapRepository(database: server.database)
            var stored: [Int32: StoredLapTelemetry] = [:]
            for row in try await laps.laps(sessionID: during.session, driverID: server.driverID) {
                stored[row.lapNumber] = try await laps.storedTelemetry(lapID: row.id, driverID: server.driverID)
            }
            await after.set(stored: stored, extents: server.lapSpool?.extentsInUse)
        }
        var drive = during
        drive.stored = await after.stored
        drive.extentsAfterShutdown = await after.extents
        return drive
    }

    @Test func theLapInProgressIsInTheSpoolsUnnamedFile() async throws {
        let spooled = try await Self.drive(spool: true)
        // One file; the lap's frames and its grid each hold an extent of it.
        #expect(spooled.openDuringLap.count == 1, "the spool's one file: \(spooled.openDuringLap)")
        #expect((spooled.openDuringLap.first ?? 0) > LapChunkSpool.extentBytes, "bytes: \(spooled.openDuringLap)")
        // Lap 2's frames and its grid each hold extents (lap 1's went back at the line); all come
        // back when the session ends.
        #expect((spooled.extentsDuringLap ?? 0) >= 2, "extents in use: \(String(describing: spooled.extentsDuringLap))")
        #expect(spooled.extentsAfterShutdown == 0)
        // Operators see it in `/metrics`: the extents in use and the file's bytes.
        let extents = try #require(spooled.extentsDuringLap)
        #expect(spooled.metricsDuringLap.contains("trailbrake_lap_spool_extents_in_use \(Double(extents))"), "\(spooled.metricsDuringLap)")
        let bytes = spooled.metricsDuringLap.first { $0.hasPrefix("trailbrake_lap_spool_bytes ") }
            .flatMap { Double($0.split(separator: " ")[1]) }
        #expect((bytes ?? 0) >= Double(extents * LapChunkSpool.extentBytes), "\(spooled.metricsDuringLap)")
        #expect(spooled.namesDuringLap.isEmpty, "the file has no name: \(spooled.namesDuringLap)")
        // The out-lap and lap 2 (ended as a partial lap when the session closed).
        #expect(Set(spooled.stored.keys) == [1, 2])

        let inMemory = try await Self.drive(spool: false)
        #expect(inMemory.openDuringLap.isEmpty && inMemory.extentsDuringLap == nil)
        #expect(inMemory.metricsDuringLap.isEmpty, "no spool, no spool metrics")
        // The same frames either way (compared as the codec keeps them: NaN is "not sent"). Lap 2,
        // coached against the reference, left the line packed and is stored as its chunks (60
        // frames each in the spool, 120 in memory); the untimed out-lap was unpacked at the line
        // for its braking zones and is stored whole.
        for (number, telemetry) in inMemory.stored {
            let spooledFrames = try #require(try spooled.stored[number]?.frames(), "lap \(number)")
            #expect(
                LapTelemetryCodec.encode(spooledFrames) == LapTelemetryCodec.encode(try telemetry.frames()),
                "lap \(number): stored frames differ with the spool")
        }
        #expect(spooled.stored.count == inMemory.stored.count)
        for drive in [spooled, inMemory] {
            #expect(drive.stored[1]?.codec == LapTelemetryCodec.name)
            #expect(drive.stored[2]?.codec == LapTelemetryCodec.chunkedName)
        }
    }

    /// The sizes of the unlinked files in `directory` this process holds open (the server runs
    /// in-process).
    static func openSpoolFiles(in directory: URL) -> [Int] {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.compactMap { descriptor in
            let path = "/proc/self/fd/\(descriptor)"
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path),
                  target.hasPrefix(directory.path + "/lap-"), target.hasSuffix("(deleted)")
            else { return nil }
            var status = stat()
            return stat(path, &status) == 0 ? Int(status.st_size) : 0
        }
    }
}

private actor AfterShutdown {
    private(set) var stored: [Int32: StoredLapTelemetry] = [:]
    private(set) var extents: Int?
    func set(stored: [Int32: StoredLapTelemetry], extents: Int?) {
        self.stored = stored
        self.extents = extents
    }
}
