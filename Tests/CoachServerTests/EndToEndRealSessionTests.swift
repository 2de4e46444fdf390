@testable import CoachServer
import Foundation
import NIOSSL
@testable import ServerSettings
import ServerTestSupport
import Testing

/// The product's core promise, end to end: a real iRacing session streamed to the real server
/// (Storage, SQLite, the real coach and a reference made from the faster lap) gets lap times that
/// match the sim's, the advice a coach would give from the raw data, a live delta that ends at the
/// true gap, and laps that are in the database when the client hears about them.
///
/// Expected values come from `manifest.json` (an independent reader) and from the raw frames
/// (`EndToEndRawBraking`), never from the code under test.
@Suite(.enabled(if: EndToEndLangleyRecording.directory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct EndToEndLangleyTests {
    /// A live client sends 60 Hz frames in batches of 6 (one every 100 ms).
    static let batchSize = 6
    /// Whole stream, including the server's start and shutdown, in a debug build.
    static let timeoutSeconds = 30.0

    @Test func realLangleySessionOverWebSocket() async throws {
        let recording = try EndToEndLangleyRecording()
        _ = try await EndToEndServer.with(library: recording.library, { server in
            let transcript = try await Self.streamWholeRecording(recording, to: server, tls: nil)
            let check = EndToEndLangleyChecks(recording: recording, transcript: transcript, batchSize: Self.batchSize)
            try check.welcomeNamesTheReference()
            try check.noErrors()
            try check.lapMessagesHaveTheSimsLapTimes()
            try check.brakePointCueForLap174MatchesTheRawData()
            try check.everyCueAgreesInSignWithTheRawData()
            try check.deltaEndsLap174AtTheLapTimeDifference()
            try await check.lapsAreStored(in: server, overREST: true)
            return try #require(transcript.welcome.session)
        }, afterShutdown: { server, session in
            try await EndToEndLangleyChecks.partialLapIsStored(recording, session: session, in: server.database, driverID: server.driverID)
        })
    }

    @Test func realLangleySessionOverWSS() async throws {
        let recording = try EndToEndLangleyRecording()
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let tls = ServerConfiguration.TLS(
            enabled: true, certificatePath: certificate.certificateURL.path, keyPath: certificate.keyURL.path)
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificate.certificatePEM.utf8), format: .pem)])
        let client = trusting
        try await EndToEndServer.with(library: recording.library, tls: tls) { server in
            #expect(server.liveURL.hasPrefix("wss://127.0.0.1:"))
            let transcript = try await Self.streamWholeRecording(recording, to: server, tls: client)
            let check = EndToEndLangleyChecks(recording: recording, transcript: transcript, batchSize: Self.batchSize)
            try check.welcomeNamesTheReference()
            try check.noErrors()
            try check.lapMessagesHaveTheSimsLapTimes()
            try check.brakePointCueForLap174MatchesTheRawData()
            try check.deltaEndsLap174AtTheLapTimeDifference()
            try await check.lapsAreStored(in: server, overREST: false)
        }
    }

    /// Streams every row of the file in batches of `batchSize`, sequences from 1, and reads until
    /// the server has acknowledged the last batch (so every frame was processed) and then fallen
    /// silent; then closes with 1000.
    static func streamWholeRecording(
        _ recording: EndToEndLangleyRecording, to server: EndToEndServer, tls: TLSConfiguration?
    ) async throws -> EndToEndTranscript {
        let batches = EndToEndFrameEncoder(for: recording.frames).batches(recording.frames, size: batchSize)
        let lastSequence = UInt64(batches.count)
        let hello = try recording.hello()
        let client = EndToEndLiveClient(url: server.liveURL, token: server.token, tls: tls)
        let started = ContinuousClock.now
        let transcript = try await withTimeout(seconds: timeoutSeconds) {
            try await client.stream(hello: hello, batches: batches) { reply in
                reply.type == "ack" && reply.seq == lastSequence ? .closeWhenQuiet : .keepReading
            }
        }
        print("streamed \(recording.frames.count) frames in \(batches.count) batches in \(ContinuousClock.now - started)")
        return transcript
    }
}
