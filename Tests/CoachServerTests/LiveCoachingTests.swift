import Foundation
import HummingbirdWSClient
import Testing

@testable import CoachServer

@Suite struct LiveCoachingTests {
    @Test func cueNamesTheBatchThatCausedIt() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(3))))
                    var braking = ClientMessages.frames(3, from: 10)
                    braking[1].brake = 0.95
                    try await outbound.write(.text(ClientMessages.jsonFrames(seq: 2, braking)))
                    let cue = try #require(try await reader.next("cue"))
                    #expect(cue.seq == 2)
                    #expect(cue.topic == "brake_point")
                    #expect(cue.id == 1)
                    #expect(reader.lastRaw.contains(#""corner_name":null"#))
                    #expect(reader.lastRaw.contains(#""deadline":null"#))
                    #expect(reader.lastRaw.contains(#""numbers":{"brake_point_delta":-12"#))
                }
            }
        }
    }

    @Test func lapIsStoredBeforeTheLapMessageWhichFollowsAnAck() async throws {
        let backend = TestBackend(coachFactory: FakeCoachFactory(lapEvery: 10))
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(4))))
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 2, ClientMessages.frames(6, from: 5))))
                    var previous: Reply?
                    while let reply = try await reader.next(), reply.type != "lap" { previous = reply }
                    let lap = try JSONDecoder().decode(Reply.self, from: Data(reader.lastRaw.utf8))
                    await server.backend.store.note("received lap \(lap.lap_id ?? 0)")
                    #expect(lap.type == "lap")
                    #expect(lap.stored == true)
                    #expect(lap.lap_id == 1)
                    #expect(lap.valid == true)
                    #expect(previous?.type == "ack")
                    #expect(previous?.seq == 2)
                }
            }
            let log = await backend.store.log
            let stored = try #require(log.firstIndex(of: "stored lap 1"))
            let received = try #require(log.firstIndex(of: "received lap 1"))
            #expect(stored < received)
        }
    }

    @Test func aMisbehavingClientDoesNotStopAnother() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout(seconds: 30) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        try await LiveClient.connect(server, token: FakeAuthenticator.bobToken) { reader, outbound in
                            try await outbound.write(.text(ClientMessages.hello()))
                            _ = try await reader.next("welcome")
                            for _ in 0..<200 {
                                try await outbound.write(.text("not json at all"))
                                #expect(try await reader.next("error")?.code == "malformed_json")
                            }
                        }
                    }
                    group.addTask {
                        try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                            for seq in 1...40 {
                                let frames = ClientMessages.frames(6, from: seq * 6)
                                try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(seq), frames)))
                            }
                            var acked: UInt64 = 0
                            while acked < 40 { acked = try #require(try await reader.next("ack")?.seq) }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(backend.coachFactory.log.all.count == 240)
        }
    }

    @Test func shutdownFinishesSessionsAndStoresPartialLaps() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(3))))
                    _ = try await reader.next("ack")
                }
            }
        }
        // RunningServer shut the server down gracefully; the detached session was finished.
        let laps = await backend.store.laps
        #expect(laps.map(\.lap.frames.count) == [3])
        #expect(await backend.store.endedSessions == backend.store.createdSessions)
    }
}
