import Coaching
import Foundation
import Telemetry
import Testing

@testable import CoachServer

/// The JSON shapes of docs/protocol.md, checked key by key on decoded objects.
@Suite struct ServerMessageTests {
    static func object(_ message: ServerMessage) throws -> [String: Any] {
        let json = message.json()
        #expect(!json.contains("\n"), "server messages are compact")
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func welcomeWithoutReferenceHasNullReference() throws {
        let welcome = ServerMessage.Welcome(sessionID: "s-1", resumed: true, nextSequence: 42, reference: .none, maxMessageBytes: 4096, batchesPerSecond: 60, batchBurst: 1_500)
        let object = try Self.object(.welcome(welcome))
        #expect(object["type"] as? String == "welcome")
        #expect(object["protocol"] as? Int == 1)
        #expect(object["next_seq"] as? Int == 42)
        #expect(object["resumed"] as? Bool == true)
        #expect(object["reference"] is NSNull)
        let limits = try #require(object["limits"] as? [String: Any])
        #expect(limits["max_message_bytes"] as? Int == 4096)
        #expect(limits["max_frames_per_batch"] as? Int == 120)
    }

    @Test func lapCarriesCornersAndStorageOutcome() throws {
        let corner = CornerMetrics(
            corner: 2, name: nil, startDistance: 100, apexDistance: 150, endDistance: 200, brakePoint: 90, peakBrake: 0.8,
            minimumSpeed: 80, throttlePickup: 160, apexGear: 3, coastingDistance: 0,
            versusReference: CueNumbers(brakePointDelta: -3.1, minimumSpeedDelta: -1.2))
        let lap = CompletedLap(
            lapNumber: 175, lapTime: 15.278, isValid: true, invalidReason: nil, deltaToReference: 0.179, frames: [],
            corners: [corner], brakingZones: [])
        let stored = try Self.object(.lap(.init(lap: lap, lapID: 12)))
        #expect(stored["lap"] as? Int == 175)
        #expect(stored["time"] as? Double == 15.278)
        #expect(stored["invalid_reason"] is NSNull)
        #expect(stored["lap_id"] as? Int == 12)
        #expect(stored["stored"] as? Bool == true)
        let corners = try #require(stored["corners"] as? [[String: Any]])
        #expect(corners.first?["corner"] as? Int == 2)
        #expect(corners.first?["brake_point_delta"] as? Double == -3.1)
        #expect(corners.first?["minimum_speed_delta"] as? Double == -1.2)

        let failed = try Self.object(.lap(.init(lap: lap, lapID: nil)))
        #expect(failed["stored"] as? Bool == false)
        #expect(failed["lap_id"] is NSNull)
    }

    @Test func gapErrorNamesTheExpectedSequence() throws {
        let gap = try Self.object(.error(WireError(.sequenceGap, "expected 12", expectedSequence: 12)))
        #expect(gap["code"] as? String == "sequence_gap")
        #expect(gap["fatal"] as? Bool == false)
        #expect(gap["expected"] as? Int == 12)
        let fatal = try Self.object(.error(WireError(.invalidUTF8, "bad")))
        #expect(fatal["fatal"] as? Bool == true)
        #expect(fatal["expected"] == nil)
    }

    @Test func deltaUsesTheProtocolKeys() throws {
        let delta = try Self.object(.delta(DeltaSample(lapNumber: 175, lapDistance: 312.5, delta: 0.25, trend: 0.5, batchSequence: 40)))
        #expect(delta["type"] as? String == "delta")
        #expect(delta["dist"] as? Double == 312.5)
        #expect(delta["seq"] as? Int == 40)
        #expect(Set(delta.keys) == ["type", "lap", "dist", "delta", "trend", "seq"])
    }

    @Test func sequenceRule() {
        #expect(SequenceCheck(received: 1, lastAccepted: 0) == .accept)
        #expect(SequenceCheck(received: 5, lastAccepted: 3) == .gap(expected: 4))
        #expect(SequenceCheck(received: 3, lastAccepted: 3) == .duplicate)
        #expect(SequenceCheck(received: 0, lastAccepted: 0) == .duplicate)
        #expect(SequenceCheck(received: .max, lastAccepted: 0) == .gap(expected: 1))
    }
}
