import Coaching
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Telemetry
import TestSupport

/// REST calls against an `EndToEndServer`, and laps to store behind it.
enum RESTFixture {
    static let descriptor = SessionDescriptor(
        sim: "iracing", track: TrackDescriptor(name: "Brands Hatch", configuration: "Indy", length: BenchmarkLap.trackLength),
        car: "Mazda MX-5", sessionType: "practice")

    static func get(_ server: EndToEndServer, _ path: String, token: String? = nil) async throws -> (HTTPResponse.Status, String) {
        let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.get(path, headers: [.authorization: "Bearer \(token ?? server.token)"])
        }
        return (response.status, String(buffer: response.body ?? ByteBuffer()))
    }

    /// The JSON object of a 200 answer.
    static func getJSON(_ server: EndToEndServer, _ path: String) async throws -> [String: Any] {
        let (status, body) = try await get(server, path)
        guard status == .ok, let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw TestFailure("GET \(path): \(status) \(body)")
        }
        return object
    }

    /// A timed lap of `BenchmarkLap` frames with two corners and a braking zone.
    static func lap(number: Int32, frames: Int = 5_000, startTime: Double? = nil) -> CompletedLap {
        let start = startTime ?? Double(number) * 100
        let versus = CueNumbers(
            brakePointDelta: -5, peakBrakeDelta: 0.05, minimumSpeedDelta: -2, throttlePickupDelta: 8, apexGear: 3, referenceApexGear: 3,
            coastingDistance: 2, timeDelta: 0.1)
        let corners = [1, 2].map { (corner: Int) -> CornerMetrics in
            let start = Double(corner) * 300
            return CornerMetrics(
                corner: corner, name: "Turn \(corner)", startDistance: start, apexDistance: start + 80, endDistance: start + 150,
                brakePoint: start - 40, peakBrake: 0.8, minimumSpeed: 92, throttlePickup: start + 90, apexGear: 3, coastingDistance: 4,
                versusReference: versus)
        }
        return CompletedLap(
            lapNumber: number, lapTime: 83.3, isValid: true, invalidReason: nil, deltaToReference: 0.4,
            frames: BenchmarkLap.frames(count: frames, lapNumber: number, startTime: start, seed: UInt64(number)),
            corners: corners,
            brakingZones: [BrakingZone(startDistance: 260, endDistance: 320, peakPressure: 0.85, entrySpeed: 60, exitSpeed: 27)])
    }
}
