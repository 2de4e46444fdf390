import Foundation
import Telemetry
import TestSupport
import Testing

@testable import LiveClient

/// Within one running sim, the session-info update counter moving with another car (or track,
/// or session type) is a new session: the source announces it before the next frame.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"))
struct IRacingSessionChangeTests {
    static var file: URL {
        TestData.sharedDataDirectory!.appendingPathComponent("telemetry/rr_skmodified_langley_2015-05-28_14-45-12.ibt")
    }

    func sessions(_ events: [SimEvent]) -> [SessionDescriptor] {
        events.compactMap { if case .session(let session) = $0 { session } else { nil } }
    }

    @Test func aNewCarInTheSessionInfoIsANewSession() async throws {
        let map = try IBTReplayMap(file: Self.file, speed: 1_000, lossless: true)
        var rows = try IRacingRowReader(map: map)
        #expect(await map.waitForData(timeout: .seconds(1)))
        let first = try rows.poll()
        #expect(sessions(first).map(\.car) == ["Modified - SK"])
        #expect(await map.waitForData(timeout: .seconds(1)))
        #expect(sessions(try rows.poll()).isEmpty, "the same session is not announced again")

        let yaml = try IBTFile(contentsOf: Self.file).sessionInfoYAML
        map.publishSessionInfo(yaml.replacingOccurrences(of: "CarScreenName: Modified - SK", with: "CarScreenName: Street Stock"))
        #expect(await map.waitForData(timeout: .seconds(1)))
        let changed = try rows.poll()
        #expect(sessions(changed).map(\.car) == ["Street Stock"])
        #expect(changed.firstIndex { if case .session = $0 { true } else { false } }
            ?? 99 < changed.firstIndex { if case .frame = $0 { true } else { false } } ?? 0, "announced before the frame")

        // The counter moving with nothing the hello names changed is no new session.
        map.publishSessionInfo(yaml.replacingOccurrences(of: "CarScreenName: Modified - SK", with: "CarScreenName: Street Stock") + "\n")
        #expect(await map.waitForData(timeout: .seconds(1)))
        #expect(sessions(try rows.poll()).isEmpty)
    }
}
