import CoachServer
import Coaching
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Storage
import Synchronization
import Testing

/// A token revoked by the CLI (another process: here another connection to the database file)
/// or past its expiry ends the live sessions it opened within seconds: `error` `token_revoked`,
/// close 4401, the partial lap stored, no resume; other tokens' sessions go on. A listener
/// (`/api/v1/coaching/listen`) opened with the token is closed the same way.
@Suite(.timeLimit(.minutes(1)))
struct TokenRevocationTests {
    /// What one client saw.
    struct Seen: Sendable {
        var errors: [String] = []
        var acksAfterMark = 0
        var closeCode: UInt16?
        var session: String?
    }

    /// Set by the test when it revokes: acks after it are counted apart.
    final class Mark: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }

    /// Connects with `token`, says hello, sends a batch every 100 ms until the server closes or
    /// `seconds` pass; `mark` (set by the test) splits the acks into before and after.
    static func drive(_ server: EndToEndServer, token: String, seconds: Double, mark: Mark) async throws -> Seen {
        try await drive(url: server.liveURL, token: token, seconds: seconds, mark: mark)
    }

    static func drive(url: String, token: String, seconds: Double, mark: Mark) async throws -> Seen {
        var logger = Logger(label: "revocation-client")
        logger.logLevel = .warning
        let seen = Mutex(Seen())
        let close = try await WebSocketClient.connect(
            url: url, configuration: .init(additionalHeaders: [.authorization: "Bearer \(token)"]), logger: logger
        ) { inbound, outbound, _ in
            try await outbound.write(.text(ClientMessages.hello()))
            var reader = ReplyReader(messages: inbound.messages(maxSize: 1 << 20).makeAsyncIterator())
            let welcome = try #require(try await reader.next("welcome"))
            seen.withLock { $0.session = welcome.session }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var sequence: UInt64 = 0
                    let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
                    while ContinuousClock.now < end {
                        sequence += 1
                        // Moving 1.5 m a frame: by the revocation the lap in progress covers more
                        // than a quarter of the 580 m track, so it is a partial lap, not a fragment.
                        let frames = ClientMessages.frames(6, from: Int(sequence) * 6).map { frame in
                            var moving = frame
                            moving.dist = Float(frame.t) * 1.5
                            return moving
                        }
                        try await outbound.write(.text(ClientMessages.jsonFrames(seq: sequence, frames)))
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    try await outbound.close(.normalClosure, reason: nil)
                }
                while let reply = try await reader.next(nil) {
                    seen.withLock { state in
                        if reply.type == "error", let code = reply.code { state.errors.append(code) }
                        if reply.type == "ack", mark.isSet { state.acksAfterMark += 1 }
                    }
                }
                group.cancelAll()
            }
        }
        return seen.withLock { state in
            state.closeCode = close.map { UInt16(webSocketErrorCode: $0.closeCode) }
            return state
        }
    }

    @Test func aRevokedTokensSessionEndsWithinSecondsAndOthersGoOn() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.auth.tokenCheckSeconds = 1 }) { server in
            // The CLI's view of the same file.
            let cli = TokenRepository(database: try TrailbrakeDatabase(path: try #require(server.database.path)))
            let other = try await StorageBackedDrivers(database: server.database).createDriver(name: "other")
            let otherToken = try await StorageBackedDrivers(database: server.database).createToken(driverID: other.id)
            let tokenID = try #require(try await cli.list(driverID: server.driverID).first?.id)
            let revokedAt = Mark()

            async let revokedClient = Self.drive(server, token: server.token, seconds: 15, mark: revokedAt)
            async let otherClient = Self.drive(server, token: otherToken, seconds: 6, mark: revokedAt)
            try await Task.sleep(for: .seconds(2))
            let revocation = ContinuousClock.now
            try await cli.revoke(tokenID: tokenID)
            revokedAt.set()
            let revoked = try await revokedClient
            let ended = ContinuousClock.now - revocation
            let untouched = try await otherClient

            #expect(revoked.errors == ["token_revoked"])
            #expect(revoked.closeCode == 4401)
            #expect(ended < .seconds(5), "closed \(ended) after the revocation, with a check every second")
            #expect(untouched.errors.isEmpty)
            #expect(untouched.closeCode == 1000)
            #expect(untouched.acksAfterMark > 0, "the other driver's session went on")

            let session = try #require(revoked.session)
            let record = try #require(try await SessionRepository(database: server.database).session(id: session, driverID: server.driverID))
            #expect(record.endedAt != nil, "the session ended, not left to resume")
            let laps = try await LapRepository(database: server.database).laps(sessionID: session, driverID: server.driverID)
            #expect(laps.count == 1 && laps.first?.lapTime == nil, "the lap in progress is stored as a partial lap: \(laps)")

            // The token is refused from now on: a new connection and the REST API.
            await #expect(throws: (any Error).self) {
                _ = try await Self.drive(server, token: server.token, seconds: 1, mark: revokedAt)
            }
            #expect(try await RESTFixture.get(server, "/api/v1/sessions").0 == .unauthorized)
        }
    }

    @Test func anExpiringTokensSessionEndsWhenItExpires() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.auth.tokenCheckSeconds = 1 }) { server in
            let issued = try await TokenRepository(database: server.database).issue(
                for: server.driverID, label: "short", expiresAt: Date().addingTimeInterval(3))
            let started = ContinuousClock.now
            let seen = try await Self.drive(server, token: issued.token, seconds: 15, mark: Mark())
            let ended = ContinuousClock.now - started
            #expect(seen.errors == ["token_revoked"])
            #expect(seen.closeCode == 4401)
            #expect(ended >= .seconds(2.5) && ended < .seconds(8), "ended \(ended) after connecting, the token lived 3 s")
        }
    }

    @Test func aRevokedTokensListenerIsClosedWithinSecondsAndAnotherTokensListenerStays() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.auth.tokenCheckSeconds = 1 }) { server in
            let cli = TokenRepository(database: try TrailbrakeDatabase(path: try #require(server.database.path)))
            let tokenID = try #require(try await cli.list(driverID: server.driverID).first?.id)
            let secondToken = try await StorageBackedDrivers(database: server.database).createToken(driverID: server.driverID)
            let revokedListener = ListenProbe(port: server.port, headers: [.authorization: "Bearer \(server.token)"])
            let otherListener = ListenProbe(port: server.port, headers: [.authorization: "Bearer \(secondToken)"])
            // A session of the same driver, opened with the other token, runs through the revocation.
            async let driving = Self.drive(server, token: secondToken, seconds: 6, mark: Mark())
            for listener in [revokedListener, otherListener] {
                try await listener.wait(for: "the session's welcome") { $0.contains { $0.reply?.type == "welcome" } }
            }

            let revocation = ContinuousClock.now
            try await cli.revoke(tokenID: tokenID)
            let close = try await revokedListener.closedByServer(seconds: 10)
            let closedAfter = ContinuousClock.now - revocation
            #expect(close.map { UInt16(webSocketErrorCode: $0.closeCode) } == 4401)
            #expect(close?.reason == "token_revoked")
            #expect(revokedListener.replies.last?.code == "token_revoked")
            #expect(closedAfter < .seconds(5), "closed \(closedAfter) after the revocation, with a check every second")

            // The other token's listener hears the session to its end, checks later, and answers our close.
            _ = try await driving
            try await otherListener.wait(for: "the session's end") { $0.contains { $0.reply?.type == "session_ended" } }
            #expect(!revokedListener.replies.contains { $0.type == "session_ended" })
            #expect(try await otherListener.finish()?.closeCode == .normalClosure)
        }
    }
}
