import Foundation
import ServerTestSupport
import NIOCore
import Telemetry
import Testing
import WireClient

@testable import LoadTesting

/// The tool's parts that decide correctness without a server: resends, the recovered track,
/// the endless frame stream and the clip parser.
@Suite struct LoadPartsTests {
    @Test func resumeResendsOnlyWhatTheServerHasNotProcessed() {
        var ledger = SendLedger()
        for _ in 0..<5 { _ = ledger.sendNew(frameCount: 6, at: .now) }
        ledger.acknowledge(through: 2)
        // The server processed 3 too (its ack was lost with the socket): resend 4 and 5 only.
        let resend = ledger.rewind(resumedAt: 4)
        #expect(resend.map(\.sequence) == [4, 5])
        #expect(resend.map(\.firstFrame) == [18, 24])
        #expect(ledger.nextSequence == 6)
    }

    @Test func aNewSessionRestartsSequencesAtTheFirstUnacknowledgedFrame() {
        var ledger = SendLedger()
        for _ in 0..<5 { _ = ledger.sendNew(frameCount: 6, at: .now) }
        ledger.acknowledge(through: 2)
        #expect(ledger.rewind(resumedAt: nil).isEmpty)
        let first = ledger.sendNew(frameCount: 6, at: .now)
        #expect(first.sequence == 1)
        #expect(first.firstFrame == 12)
    }

    @Test func aLapOnTheRecoveredTrackMatchesTheShippedReference() throws {
        let url = LapSource.defaultReference(in: LoadTestServer.referenceDirectory)
        let shipped = try ReferenceLapFile.read(from: url)
        let laps = try RecoveredTrack(referenceFile: url).drive(laps: 1, seed: 1, mistakeLaps: 2...2)
        #expect(laps.injected.isEmpty)
        let lapTime = Double(laps.frames.count) / LoadOptions.frameRate
        #expect(abs(lapTime - shipped.metadata.lapTime) < 0.005 * shipped.metadata.lapTime)
        #expect(laps.session.track == shipped.metadata.track)
    }

    @Test func theFrameLoopRunsOnAcrossItsSeam() throws {
        let frames = (0..<120).map { index in
            TelemetryFrame(
                sessionTime: Double(index) / 60, lapNumber: index < 60 ? 1 : 2, lapDistance: Float(index % 60),
                speed: 30, throttle: 1, brake: 0, gear: 3)
        }
        let loop = FrameLoop(
            laps: DriverLaps(session: SessionDescriptor(
                sim: "iracing", track: TrackDescriptor(name: "T", configuration: "", length: 60), car: "c", sessionType: "practice"),
                frames: frames),
            startOffset: 100, timeBase: 50, noiseSeed: 3, loops: true)
        let sent = loop.frames(0..<60)
        #expect(sent.count == 60)
        for (before, after) in zip(sent, sent.dropFirst()) {
            #expect(abs(after.sessionTime - before.sessionTime - 1.0 / 60) < 1e-9)
            #expect(after.lapNumber >= before.lapNumber)
        }
        #expect(sent.first?.lapNumber == 2)
        #expect(sent.last?.lapNumber == 3, "the second pass numbers its first lap 3")
        #expect(loop.frames(0..<60) == sent, "the same positions give the same frames (resends are identical)")
    }

    @Test func clipsAreReadThroughTheDocumentedHeader() throws {
        let ogg: [UInt8] = Array("OggS".utf8) + [0, 2, 9, 9]
        let header = VoiceClipHeader(
            cueID: 7, clipID: "0123456789abcdef", sampleRate: 48_000, durationSamples: 72_000, payloadLength: UInt32(ogg.count))
        let bytes = try #require(header.encoded()) + ogg
        let clip = try ClipMessage(ByteBuffer(bytes: bytes))
        #expect(clip.header.cueID == 7 && clip.header.clipID == "0123456789abcdef")
        #expect(clip.header.duration == 1.5)
        #expect(clip.opus == ogg)
        #expect(throws: VoiceClipHeaderError.lengthMismatch(declared: ogg.count, actual: ogg.count - 1)) {
            try ClipMessage(ByteBuffer(bytes: bytes.dropLast()))
        }
        #expect(throws: VoiceClipHeaderError.tooShort(ogg.count)) { try ClipMessage(ByteBuffer(bytes: ogg)) }
    }
}
