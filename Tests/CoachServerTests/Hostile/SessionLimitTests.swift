import Foundation
import Testing

@testable import CoachServer

/// Issue 13 item 4, sessions (attached and detached both count): `live.max_sessions_per_driver`
/// and `live.max_sessions` at their edge, refused after the upgrade with a protocol error and a
/// close code.
@Suite(.serialized) struct SessionLimitTests {
    @Test func aDriverWhoseSessionsAreAllAttachedIsRefused() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxSessionsPerDriver = 2 }) { server in
            try await withTimeout(seconds: 30) {
                let first = try await HostileWebSocket.startSession(port: server.port)
                let second = try await HostileWebSocket.startSession(port: server.port)
                let third = try await HostileWebSocket.connect(port: server.port)
                try await third.send(text: ClientMessages.hello())
                let (messages, close) = try await third.readUntilClose()
                #expect(messages.count == 1 && messages[0].contains(#""code":"too_many_sessions""#) && messages[0].contains(#""fatal":true"#))
                #expect(close.closeCode == 1008 && close.closeReason == "too_many_sessions")
                // Bob has sessions of his own.
                _ = try await HostileWebSocket.startSession(port: server.port, token: FakeAuthenticator.bobToken)
                #expect(try await server.liveSessions() == 3)
                _ = (first, second)
            }
        }
    }

    @Test func aNewSessionEndsTheDriversLongestDetachedOne() async throws {
        try await RunningServer.forRawClients(configure: {
            $0.live.maxSessionsPerDriver = 2
            $0.live.resumeWindowSeconds = 600
        }) { server in
            try await withTimeout(seconds: 30) {
                let (first, firstID) = try await HostileWebSocket.startSession(port: server.port)
                try await first.sendBatch(seq: 1, ClientMessages.frames(3))
                _ = try await first.next("ack")
                let (second, secondID) = try await HostileWebSocket.startSession(port: server.port)
                try await first.socket.reset()
                #expect(await eventually(within: 5) { try await server.liveSessions() == 1 })
                try await second.socket.reset()
                #expect(await eventually(within: 5) { try await server.liveSessions() == 0 })
                // Both wait for a resume (10 minutes); a third session ends the one dropped first, now.
                _ = try await HostileWebSocket.startSession(port: server.port)
                #expect(await server.sessionEnds(firstID, within: 5))
                #expect(await server.partialLaps(of: firstID).first?.lap.frames.count == 3)
                #expect(await !server.backend.store.endedSessions.contains(secondID))
                // The other one is still there to resume.
                let resumed = try await HostileWebSocket.connect(port: server.port)
                try await resumed.send(text: ClientMessages.hello(resume: (secondID, 0)))
                #expect(try await resumed.next("welcome").resumed == true)
            }
        }
    }

    @Test func theServerAtItsSessionLimitIsBusyEvenForDetachedSessions() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.maxSessions = 1 }) { server in
            try await withTimeout(seconds: 30) {
                let (alice, _) = try await HostileWebSocket.startSession(port: server.port)
                try await alice.socket.reset()
                #expect(await eventually(within: 5) { try await server.liveSessions() == 0 })
                let bob = try await HostileWebSocket.connect(port: server.port, token: FakeAuthenticator.bobToken)
                try await bob.send(text: ClientMessages.hello())
                let (messages, close) = try await bob.readUntilClose()
                #expect(messages.first?.contains(#""code":"server_busy""#) == true)
                #expect(close.closeCode == 1013 && close.closeReason == "server_busy")
            }
        }
    }
}
