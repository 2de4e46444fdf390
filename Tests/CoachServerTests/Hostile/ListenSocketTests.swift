import Foundation
import Testing

@testable import CoachServer

/// The listen socket is an endpoint of the same socket layer as the live one: listeners count
/// towards the connection limits, are closed at shutdown (1001) like a live socket, and what
/// they send is ignored, within the message limit.
@Suite(.serialized) struct ListenSocketTests {
    static let listenPath = ListenEndpoint.path

    static func listener(_ server: RunningServer) async throws -> HostileWebSocket {
        try await HostileWebSocket.connect(port: server.port, path: listenPath)
    }

    @Test func aListenerTakesOneOfTheDriversConnections() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxConnectionsPerDriver = 1 }) { server in
            try await withTimeout(seconds: 30) {
                let listener = try await Self.listener(server)
                try await ListenMirrorTests.waitForListeners(server)
                let live = try await ConnectionLimitTests.refusal(port: server.port, token: FakeAuthenticator.aliceToken)
                #expect(live.status == 429)
                #expect(live.body.contains(#""code":"too_many_connections""#))
                let another = try await HostileSocket.connect(port: server.port)
                #expect(try await HostileWebSocket.upgrade(another, path: Self.listenPath, token: FakeAuthenticator.aliceToken).status == 429)
                // Gone, it frees the place for the driver's sim.
                await listener.socket.close()
                #expect(await eventually(within: 5) { (try? await HostileWebSocket.connect(port: server.port)) != nil })
            }
        }
    }

    @Test func listenersCountTowardsTheServersConnections() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxConnections = 1 }) { server in
            try await withTimeout(seconds: 30) {
                let listener = try await Self.listener(server)
                let refused = try await ConnectionLimitTests.refusal(port: server.port, token: FakeAuthenticator.bobToken)
                #expect(refused.status == 503)
                #expect(refused.body.contains(#""code":"server_busy""#))
                _ = listener
            }
        }
    }

    @Test func aListenerIsClosedWith1001AtShutdown() async throws {
        let listener = try await RunningServer.forRawClients { server in
            try await withTimeout(seconds: 30) {
                let listener = try await Self.listener(server)
                try await ListenMirrorTests.waitForListeners(server)
                return listener
            }
        }
        let (_, close) = try await listener.readUntilClose(timeout: 5)
        #expect(close.closeCode == 1001 && close.closeReason == "server_shutdown")
    }

    @Test func whatAListenerSendsIsIgnoredUpToTheMessageLimit() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxMessageBytes = 1_024 }) { server in
            try await withTimeout(seconds: 30) {
                let listener = try await Self.listener(server)
                try await listener.send(text: ClientMessages.hello())
                try await listener.send(text: String(repeating: "x", count: 1_024))
                // Still listening: the driver's session reaches it.
                let (driver, _) = try await HostileWebSocket.startSession(port: server.port)
                _ = try await listener.next("welcome")
                try await listener.send(text: String(repeating: "x", count: 1_025))
                let (_, close) = try await listener.readUntilClose()
                #expect(close.closeCode == 1009)
                _ = driver
            }
        }
    }
}
