import Foundation
import Telemetry
import Testing

@testable import CoachServer

/// Issue 13 item 4, connections: `live.max_connections_per_driver` and `live.max_connections`
/// at their edge. A refused upgrade gets an HTTP status with the API's JSON error, and a place
/// comes free when a connection closes, however it closes.
@Suite(.serialized) struct ConnectionLimitTests {
    static func refusal(port: Int, token: String) async throws -> RawHTTPResponse {
        let socket = try await HostileSocket.connect(port: port)
        let response = try await HostileWebSocket.upgrade(socket, token: token)
        #expect(await socket.isClosed(within: 5), "a refused upgrade must close the connection")
        return response
    }

    @Test func aDriverBeyondTheirLimitGets429AndAFreedPlaceIsTakenAgain() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxConnectionsPerDriver = 2 }) { server in
            try await withTimeout(seconds: 30) {
                let first = try await HostileWebSocket.connect(port: server.port)
                let second = try await HostileWebSocket.connect(port: server.port)
                let refused = try await Self.refusal(port: server.port, token: FakeAuthenticator.aliceToken)
                #expect(refused.status == 429)
                #expect(refused.body == #"{"error":{"code":"too_many_connections","message":"this driver already has 2 connections open"}}"#)
                // Another driver is not counted against alice.
                let bob = try await HostileWebSocket.connect(port: server.port, token: FakeAuthenticator.bobToken)
                // A reset frees the place as a clean close would.
                try await first.socket.reset()
                #expect(await eventually(within: 5) { (try? await HostileWebSocket.connect(port: server.port)) != nil })
                _ = (second, bob)
            }
        }
    }

    @Test func theServerBeyondItsLimitGets503() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxConnections = 2 }) { server in
            try await withTimeout(seconds: 30) {
                let alice = try await HostileWebSocket.connect(port: server.port)
                let bob = try await HostileWebSocket.connect(port: server.port, token: FakeAuthenticator.bobToken)
                let refused = try await Self.refusal(port: server.port, token: FakeAuthenticator.aliceToken)
                #expect(refused.status == 503)
                #expect(refused.body.contains(#""code":"server_busy""#))
                // Plain HTTP is not a WebSocket connection and is not refused.
                let (status, _) = try await RESTTests.get(server, "/api/v1/health", token: nil)
                #expect(status == .ok)
                await bob.socket.close()
                #expect(await eventually(within: 5) { (try? await HostileWebSocket.connect(port: server.port)) != nil })
                _ = alice
            }
        }
    }

    /// What revoking a driver's token will use: every socket of that driver, with a session or
    /// still before `hello`, gets the error and a close; other drivers carry on.
    @Test func allOfADriversSocketsCanBeClosedAtOnce() async throws {
        try await RunningServer.forRawClients { server in
            try await withTimeout(seconds: 30) {
                let (streaming, session) = try await HostileWebSocket.startSession(port: server.port)
                let beforeHello = try await HostileWebSocket.connect(port: server.port)
                let (bob, _) = try await HostileWebSocket.startSession(port: server.port, token: FakeAuthenticator.bobToken)

                let error = WireError(.internal, "this driver's access was withdrawn")
                #expect(server.server.connections.close(driverID: FakeAuthenticator.alice.id, with: error) == 2)
                for socket in [streaming, beforeHello] {
                    let (messages, close) = try await socket.readUntilClose()
                    #expect(messages.last?.contains("access was withdrawn") == true)
                    #expect(close.closeCode == 1008 && close.closeReason == "internal")
                }
                try await bob.sendBatch(seq: 1, ClientMessages.frames(1))
                #expect(try await bob.next("ack").seq == 1)
                #expect(await eventually(within: 5) { try await server.liveSessions() == 1 })
                #expect(await !server.backend.store.endedSessions.contains(session), "a closed socket's session stays resumable")
            }
        }
    }
}
