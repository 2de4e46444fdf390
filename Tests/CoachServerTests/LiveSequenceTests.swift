import Foundation
import Synchronization
import HummingbirdWSClient
import Testing

@testable import CoachServer

@Suite struct LiveSequenceTests {
    @Test func gapsAreRefusedWithTheExpectedSequenceAndDuplicatesIgnored() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    func send(_ seq: UInt64) async throws {
                        let frames = ClientMessages.frames(2, from: Int(seq) * 10)
                        try await outbound.write(.binary(ClientMessages.binaryFrames(seq: seq, frames)))
                    }
                    try await send(1)
                    try await send(3)  // reordered: 2 has not arrived yet
                    let gap = try #require(try await reader.next("error"))
                    #expect(gap.code == "sequence_gap")
                    #expect(gap.expected == 2)
                    try await send(2)
                    try await send(3)
                    try await send(2)
                    #expect(try await reader.next("error")?.code == "duplicate_sequence")
                    var acked: UInt64 = 0
                    while acked < 3 { acked = try #require(try await reader.next("ack")?.seq) }
                }
            }
            #expect(backend.coachFactory.log.all == [10, 11, 20, 21, 30, 31])
        }
    }

    @Test func resumeContinuesTheSessionWithoutDuplicatesOrGaps() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend) { server in
            let sessionID = try await withTimeout {
                let box = Box<String>()
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    box.value = try #require(try await reader.next("welcome")?.session)
                    for seq in 1...3 {
                        let frames = ClientMessages.frames(10, from: (seq - 1) * 10 + 1)
                        try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(seq), frames)))
                    }
                    var acked: UInt64 = 0
                    while acked < 3 { acked = try #require(try await reader.next("ack")?.seq) }
                    // Not 1000 (that ends the session): the connection is lost.
                    try await outbound.close(.goingAway, reason: "connection lost")
                }
                return try #require(box.value)
            }
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello(resume: (sessionID, 3))))
                    let welcome = try #require(try await reader.next("welcome"))
                    #expect(welcome.session == sessionID)
                    #expect(welcome.resumed == true)
                    #expect(welcome.next_seq == 4)
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 3, ClientMessages.frames(10, from: 21))))
                    #expect(try await reader.next("error")?.code == "duplicate_sequence")
                    for seq in 4...5 {
                        let frames = ClientMessages.frames(10, from: (seq - 1) * 10 + 1)
                        try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(seq), frames)))
                    }
                    var acked: UInt64 = 0
                    while acked < 5 { acked = try #require(try await reader.next("ack")?.seq) }
                }
            }
            #expect(backend.coachFactory.log.all == (1...50).map(Double.init))
            #expect(await backend.store.log.filter { $0.hasPrefix("created session") }.count == 1)
        }
    }

    @Test func anotherDriversSessionIsNotResumed() async throws {
        try await RunningServer.with { server in
            let sessionID = try await withTimeout {
                let box = Box<String>()
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    box.value = try await reader.next("welcome")?.session
                    try await outbound.close(.goingAway, reason: "connection lost")
                }
                return try #require(box.value)
            }
            try await withTimeout {
                try await LiveClient.connect(server, token: FakeAuthenticator.bobToken) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello(resume: (sessionID, 0))))
                    let error = try #require(try await reader.next("error"))
                    #expect(error.code == "resume_rejected")
                    #expect(error.fatal == false)
                    let welcome = try #require(try await reader.next("welcome"))
                    #expect(welcome.resumed == false)
                    #expect(welcome.session != sessionID)
                }
            }
        }
    }

    @Test func expiredSessionStoresItsPartialLap() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend, configure: { $0.live.resumeWindowSeconds = 0.2 }) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(5))))
                    _ = try await reader.next("ack")
                    try await outbound.close(.goingAway, reason: "connection lost")
                }
                while await backend.store.endedSessions.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            }
            let laps = await backend.store.laps
            #expect(laps.count == 1)
            #expect(laps.first?.lap.isValid == false)
            #expect(laps.first?.lap.invalidReason == "partial")
            #expect(laps.first?.lap.frames.count == 5)
        }
    }

    /// A driver who closes with 1000 has ended the session: the partial lap is stored at once,
    /// not after the resume window (a minute here, far longer than the test waits).
    @Test func aNormalCloseEndsTheSessionAndStoresItsPartialLapAtOnce() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend, configure: { $0.live.resumeWindowSeconds = 60 }) { server in
            try await withTimeout(seconds: 10) {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(5))))
                    _ = try await reader.next("ack")
                    try await outbound.close(.normalClosure, reason: "session over")
                }
                while await backend.store.endedSessions.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            }
            let laps = await backend.store.laps
            #expect(laps.count == 1)
            #expect(laps.first?.lap.invalidReason == "partial")
        }
    }
}

/// A slot a `@Sendable` conversation closure can fill for the test to read afterwards.
final class Box<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)
    var value: Value? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
