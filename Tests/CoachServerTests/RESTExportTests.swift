import Coaching
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOPosix
import Storage
import Telemetry
import Testing

@testable import CoachServer

/// Telemetry exports over a real server and database: streamed in chunks with every frame, the
/// size limit checked before any work, and the concurrency bounds answered at once.
@Suite struct RESTExportTests {
    /// A lap whose JSON (about 300 bytes a frame) is larger than the kernel buffers a connection
    /// can hold, so an export to a client that never reads has to wait.
    static let stallingFrames = 20_000

    /// A session of the server's driver with one stored lap of `frames` frames; its lap id.
    static func storeLap(_ server: EndToEndServer, frames: Int, driverID: Int64? = nil) async throws -> Int64 {
        let owner = driverID ?? server.driverID
        let session = try await SessionRepository(database: server.database).create(
            driverID: owner, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none")
        return try await LapWriter(database: server.database).store(
            RESTFixture.lap(number: 1, frames: frames), sessionID: session.id, driverID: owner)
    }

    @Test func aLapStreamsInChunksWithEveryFrame() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let lapID = try await Self.storeLap(server, frames: 5_000)
            let stored = try #require(try await LapRepository(database: server.database).telemetry(lapID: lapID, driverID: server.driverID))
            let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
                try await client.get("/api/v1/laps/\(lapID)/telemetry", headers: [.authorization: "Bearer \(server.token)"])
            }
            #expect(response.status == .ok)
            #expect(response.headers[.transferEncoding] == "chunked", "streamed, not one buffer with a length")
            #expect(response.headers[.contentLength] == nil)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            struct Body: Decodable {
                struct Row: Decodable {
                    var t: Double; var lap: Int32; var dist: Float; var pct: Float?; var speed: Float; var throttle: Float
                    var brake: Float; var clutch: Float?; var steer: Float?; var gear: Int8; var rpm: Float?; var latAccel: Float?
                    var longAccel: Float?; var yawRate: Float?; var lat: Double?; var lon: Double?; var pit: Bool; var surface: Int8
                }
                var lap_id: Int64
                var frames: [Row]
            }
            let body = try JSONDecoder().decode(Body.self, from: Data(buffer: response.body ?? ByteBuffer()))
            #expect(body.lap_id == lapID)
            #expect(body.frames.count == stored.count)
            for (row, frame) in zip(body.frames, stored) {
                guard row.t == frame.sessionTime, row.dist == frame.lapDistance, row.speed == frame.speed, row.brake == frame.brake,
                    row.rpm == (frame.rpm.isFinite ? frame.rpm : nil), row.lat == (frame.latitude.isFinite ? frame.latitude : nil),
                    row.gear == frame.gear, row.pit == frame.onPitRoad, row.steer == (frame.steering.isFinite ? frame.steering : nil)
                else {
                    Issue.record("frame at \(frame.sessionTime) differs: \(row)")
                    break
                }
            }

            let (status, csv) = try await RESTFixture.get(server, "/api/v1/laps/\(lapID)/telemetry?format=csv")
            #expect(status == .ok)
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == "t,lap,dist,pct,speed,throttle,brake,clutch,steer,gear,rpm,latAccel,longAccel,yawRate,lat,lon,pit,surface")
            #expect(lines.count == stored.count + 2, "header, one line per frame, and the final newline")
            let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 18)
            #expect(Double(cells[0]) == stored[0].sessionTime)
        }
    }

    @Test func aLapOverTheExportLimitIsRefusedBeforeItIsDecoded() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.api.exportMaxFrames = 999 }) { server in
            let small = try await Self.storeLap(server, frames: 999)
            let large = try await Self.storeLap(server, frames: 1_000)
            #expect(try await RESTFixture.get(server, "/api/v1/laps/\(small)/telemetry").0 == .ok)
            let (status, body) = try await RESTFixture.get(server, "/api/v1/laps/\(large)/telemetry?format=csv")
            #expect(status == .contentTooLarge)
            #expect(body.contains(#""code":"export_too_large""#))
            #expect(body.contains("1000 frames"))
        }
    }

    /// An export whose client does not read stays admitted (its writes wait for the socket):
    /// the next one over the bound is refused at once, and the slot comes back when that client
    /// goes away.
    @Test func exportsOverTheBoundsAreRefusedAtOnce() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: {
            $0.api.maxConcurrentExports = 2
            $0.api.maxExportsPerDriver = 1
        }) { server in
            // Its 6 MB of text cannot all wait in the kernel for a client that never reads (the
            // client's buffer is 4 KiB, the server's at most 4 MiB here, `tcp_wmem`).
            let lapID = try await Self.storeLap(server, frames: Self.stallingFrames)
            let other = try await StorageBackedDrivers(database: server.database).createDriver(name: "other")
            let otherToken = try await StorageBackedDrivers(database: server.database).createToken(driverID: other.id)
            let otherLap = try await Self.storeLap(server, frames: Self.stallingFrames, driverID: other.id)

            let stalled = try await StalledExport.start(port: server.port, path: "/api/v1/laps/\(lapID)/telemetry", token: server.token)
            // Same driver again: over the per-driver bound.
            let (perDriver, perDriverBody) = try await RESTFixture.get(server, "/api/v1/laps/\(lapID)/telemetry")
            #expect(perDriver == .tooManyRequests)
            #expect(perDriverBody.contains(#""code":"too_many_exports""#))

            let otherStalled = try await StalledExport.start(port: server.port, path: "/api/v1/laps/\(otherLap)/telemetry", token: otherToken)
            let third = try await StorageBackedDrivers(database: server.database).createDriver(name: "third")
            let thirdToken = try await StorageBackedDrivers(database: server.database).createToken(driverID: third.id)
            let thirdLap = try await Self.storeLap(server, frames: 10, driverID: third.id)
            let (busy, busyBody) = try await RESTFixture.get(server, "/api/v1/laps/\(thirdLap)/telemetry", token: thirdToken)
            #expect(busy == .serviceUnavailable)
            #expect(busyBody.contains(#""code":"exports_busy""#))
            // Listing is not an export: it still answers.
            #expect(try await RESTFixture.get(server, "/api/v1/sessions", token: thirdToken).0 == .ok)

            try await stalled.close()
            try await otherStalled.close()
            let status = try await Self.statusOnceOK(server, "/api/v1/laps/\(thirdLap)/telemetry", token: thirdToken)
            #expect(status == .ok, "the slots of the clients that went away came back")
        }
    }

    /// A client that stops reading does not keep its slot: after `export_stall_seconds` without
    /// taking a chunk its connection is closed and the slot comes back.
    @Test func anExportWhoseClientStopsReadingIsEndedAfterTheStallTimeout() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: {
            $0.api.maxExportsPerDriver = 1
            $0.api.exportStallSeconds = 1
        }) { server in
            let lapID = try await Self.storeLap(server, frames: Self.stallingFrames)
            let stalled = try await StalledExport.start(port: server.port, path: "/api/v1/laps/\(lapID)/telemetry", token: server.token)
            defer { Task { try? await stalled.close() } }
            #expect(try await RESTFixture.get(server, "/api/v1/laps/\(lapID)/telemetry").0 == .tooManyRequests)
            let status = try await Self.statusOnceOK(server, "/api/v1/laps/\(lapID)/telemetry", token: server.token)
            #expect(status == .ok, "the stalled export was ended and its slot came back")
        }
    }

    /// Asks again every 100 ms until 200 or 30 s have passed; the last status.
    static func statusOnceOK(_ server: EndToEndServer, _ path: String, token: String) async throws -> HTTPResponse.Status {
        let deadline = ContinuousClock.now + .seconds(30)
        var status = try await RESTFixture.get(server, path, token: token).0
        while status != .ok, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            status = try await RESTFixture.get(server, path, token: token).0
        }
        return status
    }

    @Test func admissionCountsPerDriverAndInTotalAndReleasesWithThePermit() throws {
        let admission = ExportAdmission(maximumTotal: 3, maximumPerDriver: 2)
        func refusal(_ driverID: Int64) -> APIError.Code? {
            do { _ = try admission.admit(driverID: driverID) } catch { return error.code }
            return nil
        }
        var permits = [try admission.admit(driverID: 1), try admission.admit(driverID: 1)]
        #expect(refusal(1) == .tooManyExports)
        permits.append(try admission.admit(driverID: 2))
        #expect(refusal(3) == .exportsBusy)
        #expect(admission.activeCount == 3)
        permits.removeFirst()  // the permit goes: its slot comes back
        #expect(admission.activeCount == 2)
        #expect(refusal(3) == nil, "admitted, and released again at once")
        #expect(admission.activeCount == 2)
        permits.removeAll()
        #expect(admission.activeCount == 0)
    }
}

/// A client that asks for an export and never reads the answer: no read is ever issued on its
/// socket (a plain NIO channel with auto-read off), so only the kernel's buffers take any of it.
struct StalledExport {
    let channel: any Channel

    static func start(port: Int, path: String, token: String) async throws -> StalledExport {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.socketOption(.so_rcvbuf), value: 4_096)
            .channelOption(ChannelOptions.autoRead, value: false)
            .connect(host: "127.0.0.1", port: port).get()
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n\r\n"
        try await channel.writeAndFlush(ByteBuffer(string: request))
        // Admission is the first thing the server does with the request: a second is ample.
        try await Task.sleep(for: .seconds(1))
        return StalledExport(channel: channel)
    }

    func close() async throws { try await channel.close() }
}
