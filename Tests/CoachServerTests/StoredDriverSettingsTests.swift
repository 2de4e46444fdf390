import Coaching
import Foundation
import LapSynthesis
import NIOCore
import Storage
import Telemetry
import Testing

@testable import CoachServer

/// A driver's settings are stored (issue 16, `v13-driver-coaching-settings`): one session states
/// imperial, Turkish and approach cues only; the next session's bare `hello` gets them back, in
/// `welcome.settings` and in the cues (Turkish, in feet, approach advice only).
@Suite struct StoredDriverSettingsTests {
    static let track = SyntheticTrack.testCircuit
    static let car = CarProfile.gt4

    static func hello(language: String? = nil, settings: [String: Any]? = nil) throws -> String {
        var object: [String: Any] = [
            "type": "hello", "protocol": 1, "sim": "synthetic",
            "track": ["name": track.descriptor.name, "config": track.descriptor.configuration, "length": track.descriptor.length],
            "car": car.name, "session": "practice",
        ]
        if let language { object["language"] = language }
        if let settings { object["settings"] = settings }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func streamAll(_ hello: String, _ batches: [ByteBuffer], to server: EndToEndServer) async throws -> EndToEndTranscript {
        let client = EndToEndLiveClient(url: server.liveURL, token: server.token, tls: nil)
        let last = UInt64(batches.count)
        return try await withTimeout(seconds: 90) {
            try await client.stream(hello: hello, batches: batches) { reply in
                reply.type == "ack" && reply.seq == last ? .closeWhenQuiet : .keepReading
            }
        }
    }

    @Test func aBareHelloGetsTheSettingsTheLastSessionStated() async throws {
        // Braking 20 m early into corner 2 on laps 2-4: approach advice on lap 4, feedback after each.
        let session = LapSynthesizer.frames(
            track: Self.track, car: Self.car, laps: 5, mistakes: [2, 3, 4].map { .brakeEarly(corner: 2, lap: $0, metres: 20) })
        let map = TrackSegmenter.trackMap(for: session.reference, track: Self.track.descriptor)
        let library = ReferenceLibrary(entries: [.init(reference: session.reference, trackMap: map)])
        let batches = EndToEndFrameEncoder(for: session.frames).batches(session.frames, size: 6)
        try await EndToEndServer.with(library: library) { server in
            // Hostile settings are refused with the stable error (the socket closes) before anything is stored.
            await #expect(throws: (any Error).self) {
                try await Self.streamAll(try Self.hello(language: "tr", settings: ["units": 3]), Array(batches.prefix(2)), to: server)
            }
            #expect(try await DriverSettingsRepository(database: server.database).settings(driverID: server.driverID) == nil)

            let stated = try await Self.streamAll(
                try Self.hello(language: "tr", settings: ["verbosity": "approach", "units": "imperial"]), Array(batches.prefix(20)),
                to: server)
            let expected = EndToEndReply.Settings(verbosity: "approach", units: "imperial", topics_off: [], language: "tr")
            #expect(stated.welcome.settings == expected)

            let bare = try await Self.streamAll(try Self.hello(), batches, to: server)
            #expect(bare.welcome.settings == expected, "a bare hello takes the stored settings")
            let cues = bare.replies.map(\.reply).filter { $0.type == "cue" }
            #expect(!cues.isEmpty && cues.allSatisfy { $0.kind == "anticipatory" }, "approach only: \(cues.map { $0.text ?? "" })")
            let brake = try #require(cues.first { $0.topic == "brake_point" && $0.corner == 2 })
            #expect(brake.text?.contains("fit daha geç frenle") == true, "Turkish, in feet: \(brake.text ?? "")")

            // A field the next hello states wins and is stored; the others stay.
            let metric = try await Self.streamAll(try Self.hello(settings: ["units": "metric"]), Array(batches.prefix(20)), to: server)
            #expect(metric.welcome.settings == .init(verbosity: "approach", units: "metric", topics_off: [], language: "tr"))
            let stored = try await DriverSettingsRepository(database: server.database).settings(driverID: server.driverID)
            #expect(stored?.preferences.units == .metric && stored?.language == .turkish)
        }
    }
}
