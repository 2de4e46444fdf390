import Coaching
import LapSynthesis
import Foundation
import Telemetry
import Testing

@testable import CoachServer

/// `hello.settings` reaches the real coach (issue 16, per-driver settings): the topics a driver
/// switches off are neither judged nor listed in `welcome.topics`.
@Suite struct HelloSettingsTests {
    static func hello(settings: Hello.Settings?) -> String {
        let track = SyntheticTrack.testCircuit
        let hello = Hello(
            session: SessionDescriptor(sim: "iracing", track: track.descriptor, car: CarProfile.gt4.name, sessionType: "practice"),
            settings: settings)
        return String(decoding: hello.jsonData(), as: UTF8.self)
    }

    @Test func topicsSwitchedOffInHelloAreLeftOutOfWelcome() async throws {
        let synthetic = LapSynthesizer.frames(track: .testCircuit, car: .gt4, laps: 1)
        let batches = EndToEndFrameEncoder(for: synthetic.frames).batches(Array(synthetic.frames.prefix(60)), size: 6)
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let client = EndToEndLiveClient(url: server.liveURL, token: server.token, tls: nil)
            let off = Hello.Settings(verbosity: "important", units: "imperial", topicsOff: ["brake_point", "gear", "no_such_topic"])
            let plain = try await withTimeout(seconds: 30) {
                try await client.stream(hello: Self.hello(settings: nil), batches: batches) { _ in .stop }
            }
            let switched = try await withTimeout(seconds: 30) {
                try await client.stream(hello: Self.hello(settings: off), batches: batches) { _ in .stop }
            }
            let all = try #require(plain.welcome.topics)
            #expect(all.contains("brake_point") && all.contains("gear"))
            #expect(switched.welcome.topics == all.filter { $0 != "brake_point" && $0 != "gear" })
        }
    }
}
