import Foundation
import Testing

@testable import CoachServer

/// Resuming around abnormal ends: a session left by a reset resumes where it stopped; a resume
/// naming a session still attached to its old socket starts a new session (docs/protocol.md:
/// each session has exactly one connection feeding it) and leaves the old one working.
@Suite(.serialized) struct ResumeTests {
    @Test func aSessionLeftByAResetResumesWhereItStopped() async throws {
        let backend = TestBackend()
        try await RunningServer.forRawClients(backend: backend) { server in
            try await withTimeout(seconds: 30) {
                let (client, session) = try await HostileWebSocket.startSession(port: server.port)
                try await client.sendBatch(seq: 1, ClientMessages.frames(2, from: 1))
                #expect(try await client.next("ack").seq == 1)
                try await client.socket.reset()
                #expect(await eventually(within: 5) { try await server.liveSessions() == 0 })

                let again = try await HostileWebSocket.connect(port: server.port)
                try await again.send(text: ClientMessages.hello(resume: (session, 1)))
                let welcome = try await again.next("welcome")
                #expect(welcome.resumed == true && welcome.session == session && welcome.next_seq == 2)
                try await again.sendBatch(seq: 2, ClientMessages.frames(2, from: 3))
                #expect(try await again.next("ack").seq == 2)
            }
            #expect(backend.coachFactory.log.all == [1, 2, 3, 4])
        }
    }

    @Test func resumingASessionStillAttachedStartsANewOneAndTheOldGoesOn() async throws {
        try await RunningServer.with { server in
            try await withTimeout(seconds: 30) {
                let (old, session) = try await HostileWebSocket.startSession(port: server.port)
                try await old.sendBatch(seq: 1, ClientMessages.frames(1))
                #expect(try await old.next("ack").seq == 1)

                let second = try await HostileWebSocket.connect(port: server.port)
                try await second.send(text: ClientMessages.hello(resume: (session, 1)))
                let welcome = try await second.next("welcome")
                #expect(welcome.resumed == false && welcome.session != session && welcome.next_seq == 1)

                try await old.sendBatch(seq: 2, ClientMessages.frames(1, from: 2))
                #expect(try await old.next("ack").seq == 2)
                try await second.sendBatch(seq: 1, ClientMessages.frames(1, from: 3))
                #expect(try await second.next("ack").seq == 1)
                #expect(try await server.liveSessions() == 2)
            }
        }
    }
}
