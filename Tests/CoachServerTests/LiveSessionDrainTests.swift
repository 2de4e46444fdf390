import CoachServer
import Coaching
import Logging
import NIOPosix
import ServerSettings
import Telemetry
import Testing

@testable import CoachServer

/// A session has no task of its own: whoever has work for it drains it (the connection after a
/// batch, the ack ticker, `finish()`). These check the two rules that design rests on: the final
/// drain runs once whoever asks for it, and a finishing session takes no more frames.
@Suite struct LiveSessionDrainTests {
    /// A session of Alice's on the fake backend; `id` is its public id.
    static func session(_ backend: TestBackend, id: String = "drain-test") async throws -> LiveSession {
        var logger = Logger(label: "live-session-drain-test")
        logger.logLevel = .critical
        let metrics = ServerMetrics()
        let lapStore = LapStoreQueue(
            store: backend.store, spill: nil, settings: LapStoreQueueTests.settings(), metrics: metrics, logger: logger)
        let coach = await backend.coachFactory.makeCoach(for: RESTFixture.descriptor, driver: FakeAuthenticator.alice, language: "en")
        return LiveSession(
            publicID: id, driver: FakeAuthenticator.alice, descriptor: RESTFixture.descriptor, isStored: true,
            coach: coach, store: backend.store, lapStore: lapStore, metrics: metrics, live: try ServerConfiguration.load(file: [:], environment: [:]).live,
            voice: nil, language: .english, logger: logger, eventLoop: MultiThreadedEventLoopGroup.singleton.next())
    }

    static func push(_ session: LiveSession, batch sequence: UInt64, frames: Range<Int>) {
        let batch = FrameBatch(sequence: sequence, frames: frames.map(FrameRingSizeTests.frame))
        #expect(session.inbox.push(batch, from: 0) == batch.frames.count)
        session.inbox.publish(sequence)
    }

    @Test func finishAskedTwiceAtOnceRunsOneFinalDrain() async throws {
        let backend = TestBackend()
        let session = try await Self.session(backend)
        Self.push(session, batch: 1, frames: 0..<6)
        #expect(await session.drainNow())
        Self.push(session, batch: 2, frames: 6..<12)
        // The connection's end and a shutdown can both finish a session.
        async let first: Void = session.finish()
        async let second: Void = session.finish()
        _ = await (first, second)
        #expect(await backend.store.endedSessions == ["drain-test"])
        // Every frame coached once, the second batch by the final drain; one partial lap stored.
        #expect(backend.coachFactory.log.all == (0..<12).map(Double.init))
        #expect(await backend.store.laps.count == 1)
    }

    @Test func aFinishingSessionDrainsNoMoreFrames() async throws {
        let backend = TestBackend()
        let session = try await Self.session(backend)
        Self.push(session, batch: 1, frames: 0..<6)
        await session.finish()
        Self.push(session, batch: 2, frames: 6..<12)
        // The connection then closes its socket instead of waiting for room.
        #expect(await session.drainNow() == false)
        #expect(backend.coachFactory.log.all == (0..<6).map(Double.init))
        await session.finish()
        #expect(await backend.store.endedSessions == ["drain-test"])
    }
}
