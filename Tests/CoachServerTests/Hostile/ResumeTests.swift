import Foundation
import NIOCore
import NIOPosix
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

    /// The socket ends while its session is still starting (a slow database): the session is
    /// handed on once it has started (detached, resumable), not left attached to a dead socket.
    @Test func aDriverWhoDropsDuringHelloLeavesAResumableSession() async throws {
        let store = RecordingSessionStore(createSessionDelay: .milliseconds(500))
        var backend = TestBackend()
        backend.store = store
        try await RunningServer.forRawClients(backend: backend) { server in
            try await withTimeout(seconds: 30) {
                let client = try await HostileWebSocket.connect(port: server.port)
                try await client.send(text: ClientMessages.hello())
                try await client.socket.reset()
                #expect(await eventually(within: 5) { await store.createdSessions.count == 1 })
                let session = try #require(await store.createdSessions.first)
                #expect(await eventually(within: 5) { await server.server.registry.liveSessionCount == 0 })

                let again = try await HostileWebSocket.connect(port: server.port)
                try await again.send(text: ClientMessages.hello(resume: (session, 0)))
                let welcome = try await again.next("welcome")
                #expect(welcome.resumed == true && welcome.session == session)
            }
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

/// A session runs on the event loop of the socket that started it (`LiveSession.eventLoop`), and
/// that socket coaches its batches on the loop without a hop. A session resumed on a socket of
/// another loop is coached through hops onto its own loop (`LiveConnection.coachAcross`): every
/// frame still coached once and in order, and acknowledged.
@Suite(.serialized) struct ResumeOnAnotherLoopTests {
    /// `trailbrake_live_batches_hopped_total`, read in process (a health request would be a
    /// connection of its own, and move the server's next socket to another loop).
    static func hopped(_ server: RunningServer) -> Int {
        let line = server.server.metrics.exposition().split(separator: "\n").first { $0.hasPrefix("trailbrake_live_batches_hopped_total ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    @Test func aSessionResumedOnAnotherLoopIsCoachedThroughHops() async throws {
        let backend = TestBackend()
        try await RunningServer.forRawClients(backend: backend) { server in
            try await withTimeout(seconds: 60) {
                let (first, session) = try await HostileWebSocket.startSession(port: server.port)
                try await first.sendBatch(seq: 1, ClientMessages.frames(2, from: 1))
                #expect(try await first.next("ack").seq == 1)
                var client = first
                var sequence: UInt64 = 1
                var frame = 3
                // The server's sockets take the event loops of NIO's shared group in turn, and so do
                // this test's client sockets (two turns a connection): taking one more turn on every
                // other attempt moves the resumed socket to the other loop.
                for attempt in 0..<8 where Self.hopped(server) == 0 {
                    try await client.socket.reset()
                    #expect(await eventually(within: 5) { await server.server.registry.liveSessionCount == 0 })
                    if attempt % 2 == 1 { _ = MultiThreadedEventLoopGroup.singleton.next() }
                    client = try await HostileWebSocket.connect(port: server.port)
                    try await client.send(text: ClientMessages.hello(resume: (session, sequence)))
                    let welcome = try await client.next("welcome")
                    #expect(welcome.resumed == true && welcome.next_seq == sequence + 1)
                    // A batch larger than the ring (16 frames) goes through in parts.
                    sequence += 1
                    try await client.sendBatch(seq: sequence, ClientMessages.frames(40, from: frame))
                    frame += 40
                    #expect(try await client.next("ack").seq == sequence)
                }
                if System.coreCount > 1 { #expect(Self.hopped(server) > 0, "no resume landed on another event loop") }
                #expect(backend.coachFactory.log.all == (1..<frame).map(Double.init))
            }
        }
    }
}
