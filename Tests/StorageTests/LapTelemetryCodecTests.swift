import Foundation
import Telemetry
import Testing

@testable import Storage

@Suite struct LapTelemetryCodecTests {
    /// The documented quantisation steps (docs/storage.md); a decoded value may differ from the
    /// original by at most half of its channel's step. Integer channels must be exact.
    static let documentedSteps: [(name: String, step: Double, value: @Sendable (TelemetryFrame) -> Double)] = [
        ("sessionTime", 0x1p-14, { $0.sessionTime }),
        ("lapDistance", 0x1p-10, { Double($0.lapDistance) }),
        ("lapDistanceFraction", 0x1p-24, { Double($0.lapDistanceFraction) }),
        ("speed", 0x1p-10, { Double($0.speed) }),
        ("throttle", 0x1p-14, { Double($0.throttle) }),
        ("brake", 0x1p-14, { Double($0.brake) }),
        ("clutch", 0x1p-14, { Double($0.clutch) }),
        ("steering", 0x1p-17, { Double($0.steering) }),
        ("rpm", 0x1p-3, { Double($0.rpm) }),
        ("lateralAcceleration", 0x1p-10, { Double($0.lateralAcceleration) }),
        ("longitudinalAcceleration", 0x1p-10, { Double($0.longitudinalAcceleration) }),
        ("yawRate", 0x1p-14, { Double($0.yawRate) }),
        ("latitude", 0x1p-24, { $0.latitude }),
        ("longitude", 0x1p-24, { $0.longitude }),
    ]

    @Test func roundTripIsWithinHalfAStepForEveryChannel() throws {
        let original = SyntheticLap.frames(count: 5_000)
        let decoded = try LapTelemetryCodec.decode(LapTelemetryCodec.encode(original))
        try #require(decoded.count == original.count)
        for (name, step, value) in Self.documentedSteps {
            var worst = 0.0
            for (before, after) in zip(original, decoded) {
                let a = value(before), b = value(after)
                if a.isNaN || b.isNaN {
                    #expect(a.isNaN && b.isNaN, "\(name): NaN must round-trip as NaN")
                } else {
                    worst = max(worst, abs(a - b))
                }
            }
            #expect(worst <= step / 2, "\(name): worst error \(worst) exceeds half a step \(step / 2)")
        }
        for (before, after) in zip(original, decoded) {
            #expect(before.lapNumber == after.lapNumber && before.gear == after.gear)
            #expect(before.onPitRoad == after.onPitRoad && before.trackSurface == after.trackSurface)
            #expect(before.presentChannels == after.presentChannels)
        }
    }

    @Test func quantisedValuesRoundTripExactly() throws {
        // Values already on the grid must come back bit for bit, so a decoded lap re-encodes
        // to the same frames (re-storing a decoded lap loses nothing more).
        let once = try LapTelemetryCodec.decode(LapTelemetryCodec.encode(SyntheticLap.frames(count: 600)))
        let twice = try LapTelemetryCodec.decode(LapTelemetryCodec.encode(once))
        #expect(once == twice)
    }

    @Test func absentChannelsStayAbsentAndSpecialValuesAreExplicit() throws {
        var frames = (0..<10).map { index in
            TelemetryFrame(sessionTime: Double(index) / 60, lapNumber: 1, lapDistance: Float(index), speed: 30, throttle: 1, brake: 0, gear: 3)
        }
        frames[4].rpm = .infinity
        frames[5].rpm = -.infinity
        frames[6].rpm = 5_000
        let decoded = try LapTelemetryCodec.decode(LapTelemetryCodec.encode(frames))
        #expect(decoded.allSatisfy { $0.steering.isNaN && $0.latitude.isNaN && $0.clutch.isNaN })
        #expect(decoded[4].rpm == .infinity && decoded[5].rpm == -.infinity && decoded[6].rpm == 5_000)
        #expect(decoded[0].rpm.isNaN && decoded[9].rpm.isNaN)
        #expect(decoded.allSatisfy { $0.presentChannels == .required })
    }

    @Test func valuesTooLargeToQuantiseAreStoredExactly() throws {
        var frames = SyntheticLap.frames(count: 20)
        frames[3].rpm = .greatestFiniteMagnitude
        frames[4].latitude = -1e300
        let decoded = try LapTelemetryCodec.decode(LapTelemetryCodec.encode(frames))
        #expect(decoded[3].rpm == .greatestFiniteMagnitude)
        #expect(decoded[4].latitude == -1e300)
        #expect(abs(decoded[5].rpm - frames[5].rpm) <= 0x1p-4)
    }

    @Test func emptyLapRoundTrips() throws {
        #expect(try LapTelemetryCodec.decode(LapTelemetryCodec.encode([])).isEmpty)
    }

    /// docs/storage.md's header: 18 bytes, then the zlib stream of exactly `payloadLength` bytes.
    @Test func theBodyStartsRightAfterTheDocumentedHeader() throws {
        let payload = [UInt8](repeating: 7, count: 1_000) + (0..<200).map { UInt8($0) }
        let blob = [UInt8](BlobEnvelope(flags: 0, count: 1, payload: payload).seal(as: LapTelemetryCodec.kind, compressionLevel: 1))
        #expect(BlobEnvelope.headerLength == 18)
        #expect(blob[5] == 1, "compressed")
        let body = blob[BlobEnvelope.headerLength...]
        #expect(try Zlib.decompress(body, expectedLength: payload.count, context: "test") == payload)
    }

    @Test func compressionAndSpeedReport() throws {
        let frames = SyntheticLap.frames(count: 5_000)
        let rawBytes = frames.count * MemoryLayout<TelemetryFrame>.stride
        let clock = ContinuousClock()
        for level: Int32 in [1, 6] {
            var blob = Data()
            let encodeTime = clock.measure { blob = LapTelemetryCodec.encode(frames, compressionLevel: level) }
            var decoded: [TelemetryFrame] = []
            let decodeTime = try clock.measure { decoded = try LapTelemetryCodec.decode(blob) }
            #expect(decoded.count == frames.count)
            // Raw Float32 telemetry with sensor noise deflates about 1.1×; the codec's whole
            // point is to do much better than that.
            #expect(blob.count * 4 < rawBytes, "level \(level): \(blob.count) bytes is not 4× smaller than \(rawBytes)")
            print("lap codec zlib level \(level): \(blob.count) B of \(rawBytes) B raw (\(String(format: "%.1f", Double(rawBytes) / Double(blob.count)))×), encode \(encodeTime), decode \(decodeTime)")
        }
    }
}
