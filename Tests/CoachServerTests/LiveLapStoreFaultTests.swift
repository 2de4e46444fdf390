import CoachServer
import Coaching
import Dispatch
import Foundation
import GRDB
import HummingbirdTesting
import NIOCore
import ServerSettings
import Testing

@testable import Storage

/// Issue 13 item 10 through the real server and real SQLite: a lap that cannot be stored (the
/// database full, or busy past its timeout because another connection holds the write lock) is
/// reported `stored: false` with a ticket, kept, stored once the fault clears (`lap_stored`),
/// never twice, and another driver streaming meanwhile goes on being coached.
@Suite(.serialized) struct LiveLapStoreFaultTests {
    /// Laps of 3,000 frames: each needs new database pages (a full database refuses it).
    static let trackLength = 3_000
    static let hello = ClientMessages.hello(trackLength: Double(trackLength))

    static func configure(_ configuration: inout ServerSettings.ServerConfiguration) {
        configuration.storage.busyTimeoutMilliseconds = 400
        configuration.storage.lapStoreWaitMilliseconds = 200
        configuration.storage.retryInitialSeconds = 0.1
        configuration.storage.retryMaxSeconds = 0.4
    }

    /// The fault, how to start it and how to end it.
    struct Fault: Sendable {
        let name: String
        let start: @Sendable (EndToEndServer) async throws -> Void
        let end: @Sendable () async throws -> Void
    }

    /// `PRAGMA max_page_count` at the current size on the server's own writer connection: the
    /// next lap needs pages and fails with SQLITE_FULL, exactly as on a full disk.
    static func fullDatabase() -> (Fault, EndToEndServerBox) {
        let box = EndToEndServerBox()
        let fault = Fault(
            name: "full",
            start: { server in
                await box.set(server)
                try await server.database.writer.writeWithoutTransaction { db in
                    let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                    try db.execute(sql: "PRAGMA max_page_count = \(pages)")
                }
            },
            end: {
                guard let server = await box.server else { return }
                try await server.database.writer.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA max_page_count = 1073741823")
                }
            })
        return (fault, box)
    }

    /// A second connection takes the write lock (`BEGIN IMMEDIATE`) and holds it past the
    /// server's 400 ms busy timeout, as another process (`trailbrake token create`, a backup) would.
    static func busyDatabase() -> Fault {
        let holder = WriteLockHolder()
        return Fault(
            name: "busy",
            start: { server in try await holder.take(path: server.directory.appendingPathComponent("trailbrake.sqlite").path) },
            end: { holder.release() })
    }

    @Test func aFullDatabase() async throws {
        try await Self.run(Self.fullDatabase().0)
    }

    @Test func aDatabaseBusyPastItsTimeout() async throws {
        try await Self.run(Self.busyDatabase())
    }

    static func run(_ fault: Fault) async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: configure) { server in
            let other = try await server.addDriver(named: "other")
            let (result, _) = try await LiveStream.run(url: server.liveURL, token: server.token, hello: hello) { stream, welcome in
                var driver = LapDriver(drive: SyntheticDrive(length: trackLength), stream: stream)
                let before = try await driver.drive(throughCrossing: 1)
                try await fault.start(server)
                // Another driver streams through the fault: coached (acks, laps) as usual.
                let otherDriver = Task {
                    try await LiveStream.run(url: server.liveURL, token: other.token, hello: hello) { otherStream, _ in
                        var otherLaps = LapDriver(drive: SyntheticDrive(length: trackLength, startTime: 5_000), stream: otherStream)
                        return try await otherLaps.drive(throughCrossing: 2)
                    }.value
                }
                let during = try await driver.drive(throughCrossing: 3)
                let health = try await Self.health(server)
                let otherLaps = try await otherDriver.value
                try await fault.end()
                // Every lap reported pending is stored now, and the driver hears so.
                var stored: [UInt64: Int64] = [:]
                for lap in during {
                    guard let ticket = lap.pending else { continue }
                    let notice = try await stream.inbox.next("lap_stored", after: 0, where: { $0.pending == ticket })
                    #expect(notice.reply.lap == lap.number)
                    stored[ticket] = notice.reply.lap_id
                }
                let after = try await driver.drive(throughCrossing: 4)
                return (session: welcome.session ?? "", before: before, during: during, after: after, stored: stored,
                        health: health, otherLaps: otherLaps)
            }

            #expect(result.before.allSatisfy { $0.stored }, "\(fault.name): the out-lap was stored before the fault")
            #expect(result.during.allSatisfy { !$0.stored && $0.pending != nil && $0.lapID == nil }, "\(fault.name): \(result.during)")
            #expect(result.stored.count == result.during.count)
            #expect(result.after.allSatisfy { $0.stored }, "\(fault.name): storing works again")
            #expect(result.health.storing == false && result.health.pending >= 1, "\(fault.name): health \(result.health)")
            // The other driver's laps came at the usual pace: the session waits for a commit at
            // most `lap_store_wait_ms` (200 ms), never the busy timeout or the retries.
            #expect(result.otherLaps.allSatisfy { $0.latency < .milliseconds(1_500) }, "\(fault.name): \(result.otherLaps)")

            // In SQLite: each lap once, with the id the driver was told.
            let rows = try await LapRepository(database: server.database).laps(sessionID: result.session, driverID: server.driverID)
            #expect(rows.map(\.lapNumber).sorted() == [1, 2, 3, 4], "\(fault.name): \(rows.map(\.lapNumber))")
            for lap in result.during {
                let ticket = try #require(lap.pending)
                #expect(rows.first { $0.lapNumber == lap.number }?.id == result.stored[ticket])
            }
        }
    }

    struct Health: Decodable, Sendable {
        struct Laps: Decodable, Sendable {
            var storing: Bool
            var pending: Int
        }
        var status: String
        var laps: Laps
    }

    /// `/api/v1/health` once it reports the fault (a busy store fails only after the busy
    /// timeout), at most 3 s.
    static func health(_ server: EndToEndServer) async throws -> Health.Laps {
        let deadline = ContinuousClock.now.advanced(by: .seconds(3))
        while true {
            let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
                try await client.get("/api/v1/health")
            }
            let health = try JSONDecoder().decode(Health.self, from: Data(String(buffer: response.body ?? ByteBuffer()).utf8))
            #expect(response.status == .ok, "coaching goes on: the server is not unhealthy")
            if health.status == "degraded" || ContinuousClock.now > deadline { return health.laps }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// Holds SQLite's write lock from a connection of its own, on a thread of its own (GRDB runs a
/// database access synchronously; a transaction may not outlive it).
final class WriteLockHolder: Sendable {
    private let released = DispatchSemaphore(value: 0)

    /// Returns once the lock is held.
    func take(path: String) async throws {
        try await withCheckedThrowingContinuation { (taken: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async { [released] in
                do {
                    let queue = try DatabaseQueue(path: path)
                    try queue.inDatabase { db in
                        try db.execute(sql: "BEGIN IMMEDIATE")
                        taken.resume()
                        released.wait()
                        try db.execute(sql: "ROLLBACK")
                    }
                } catch {
                    taken.resume(throwing: error)
                }
            }
        }
    }

    func release() { released.signal() }
}

actor EndToEndServerBox {
    private(set) var server: EndToEndServer?
    func set(_ server: EndToEndServer) { self.server = server }
}
