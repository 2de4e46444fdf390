import Foundation
import LiveClient
import NIOCore
import SimTelemetry
import SimTestSupport
import Telemetry
import Testing

/// The Assetto Corsa and Forza adapters against fakes of the games on loopback, replaying the
/// real Brands Hatch laps in each game's documented packet layout.
@Suite(.serialized) struct OtherSimSourceTests {
    @Test func assettoCorsaHandshakesSubscribesResubscribesAndDismisses() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let infos = RecordedOtherSims.acCarInfos(recording, seqs: 5...6)
        let reply = ACHandshakeResponse(carName: "ks_alfa_155", driverName: "Ayşe", trackName: "brands_hatch", trackConfig: "indy")
        let game = try await FakeACGame.start(.init(reply: reply, infos: infos, forgetListenersAt: 2_000))
        let length = RecordedOtherSims.referenceLength(recording)
        let run = SourceRun(AssettoCorsaSource(options: .init(
            host: "127.0.0.1", mapper: .init(trackLength: length), port: game.port, bindHost: "127.0.0.1",
            resubscribeAfter: .milliseconds(300))))
        // Every update becomes a frame except those lost while the game had forgotten us.
        let done = await run.log.wait(timeout: .seconds(60)) { $0.frames >= infos.count - 2_000 / 2 }
        _ = await run.stop()
        try await Task.sleep(for: .milliseconds(200))  // the DISMISS datagram's way over loopback
        await game.stop()
        let frameCount = await run.log.frames.count
        #expect(done, "\(frameCount) frames")
        let operations = game.state.withLock { $0.operations }
        #expect(operations.prefix(2) == [.handshake, .subscribeUpdate])
        #expect(operations.filter { $0 == .subscribeUpdate }.count >= 2, "subscribed again after the game forgot: \(operations)")
        #expect(operations.last == .dismiss)
        let sessions = await run.log.sessions
        #expect(sessions.first == SessionDescriptor(
            sim: "ac", track: TrackDescriptor(name: "brands_hatch", configuration: "indy", length: length), car: "ks_alfa_155", sessionType: "practice"))
        let notes = await run.log.statuses.compactMap { if case .note(let text) = $0 { text } else { nil } }
        #expect(notes.contains("Assetto Corsa: Ayşe in ks_alfa_155 at brands_hatch indy"))
    }

    @Test func forzaFramesFlowSledPacketsGetAClearStatusAndSilenceIsReported() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let packets = RecordedOtherSims.forzaPackets(recording, seqs: 5...6, format: .motorsport2023Dash)
        var datagrams = packets.map(\.bytes)
        datagrams.insert(ForzaDashPacket(format: .sled).bytes, at: 100)
        // Forza sends to the port set in its menu: a free one, found by binding and releasing it.
        let probe = try await FakeUDPPeer.open { _, _ in }
        let port = probe.port
        await probe.close()
        let run = SourceRun(ForzaSource(options: .init(
            port: port, mapper: .init(trackLength: 1_929), bindHost: "127.0.0.1", silenceTimeout: .milliseconds(500))))
        _ = await run.log.wait(timeout: .seconds(5)) { !$0.statuses.isEmpty }
        let game = try await FakeForzaGame.start(.init(datagrams: datagrams, burst: 4), to: port)
        let expected = packets.count - recording.rows(ofSeq: 5).count
        let done = await run.log.wait(timeout: .seconds(60)) { $0.frames >= expected }
        let quiet = await run.log.wait(timeout: .seconds(10)) { events in
            events.statuses.last.map { if case .waiting(let text) = $0 { text.contains("no Forza packets") } else { false } } ?? false
        }
        _ = await run.stop()
        await game.stop()
        #expect(done && quiet)
        let notes = await run.log.statuses.compactMap { if case .note(let text) = $0 { text } else { nil } }
        #expect(notes.contains { $0.contains("sled_format") && $0.contains("Dash") })
        #expect(await run.log.sessions.first?.track.name == "Forza track 3000")
    }
}
