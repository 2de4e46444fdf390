import Coaching
import LapSynthesis
import Foundation
import Telemetry
import Testing

@testable import Storage

@Suite struct DriverReferenceTests {
    static func reference(lapTime: Double, points: Int = 4_000, seed: UInt64 = 7) -> ReferenceLap {
        var random = SeededGenerator(seed: seed)
        let track = TrackDescriptor(name: "Brands Hatch", configuration: "Indy", length: Double(points))
        var time: [Float] = [], speed: [Float] = [], throttle: [Float] = [], brake: [Float] = [], steering: [Float] = [], gear: [Int8] = []
        var elapsed = 0.0
        for index in 0..<points {
            let v = 45 + 20 * sin(Double(index) / 150) + random.noise(0.05)
            time.append(Float(elapsed))
            elapsed += 1 / v
            speed.append(Float(v))
            throttle.append(Float(max(0, min(1, sin(Double(index) / 150) + 0.5))))
            brake.append(Float(max(0, min(1, -sin(Double(index) / 150)))))
            steering.append(Float(0.3 * sin(Double(index) / 90) + random.noise(0.002)))
            gear.append(Int8(2 + Int(v / 15)))
        }
        return ReferenceLap(
            metadata: ReferenceLapMetadata(sim: "iracing", track: track, car: "Mazda MX-5", lapTime: lapTime,
                                           source: "driver-best", date: "2025-05-01"),
            time: time, speed: speed, throttle: throttle, brake: brake, steering: steering, gear: gear)
    }

    @Test func codecRoundTripsWithinHalfAStep() throws {
        let original = Self.reference(lapTime: 80)
        let decoded = try ReferenceLapCodec.decode(ReferenceLapCodec.encode(original), metadata: original.metadata)
        #expect(decoded.count == original.count && decoded.gear == original.gear && decoded.gridSpacing == 1)
        func worst(_ a: [Float], _ b: [Float]) -> Double { zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 0 }
        #expect(worst(original.time, decoded.time) <= 0x1p-15)
        #expect(worst(original.speed, decoded.speed) <= 0x1p-11)
        #expect(worst(original.brake, decoded.brake) <= 0x1p-15)
        #expect(worst(original.steering, decoded.steering) <= 0x1p-18)
    }

    @Test func mismatchedChannelLengthsAreInvalidInput() {
        var reference = Self.reference(lapTime: 80, points: 100)
        reference.gear.removeLast()
        #expect(throws: StorageError.self) { try ReferenceLapCodec.encode(reference) }
    }

    @Test func referenceIsReplacedOnlyWhenBeaten() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, _) = try await fixture.driverWithSession(named: "Quick")
        let writer = LapWriter(database: fixture.database)
        let references = DriverReferenceRepository(database: fixture.database)
        let track = StorageFixture.descriptor.track

        #expect(try await references.reference(driverID: driver.id, track: track, car: "Mazda MX-5") == nil)
        #expect(try await writer.saveDriverReference(Self.reference(lapTime: 81, seed: 1), driverID: driver.id))
        #expect(try await writer.saveDriverReference(Self.reference(lapTime: 82, seed: 2), driverID: driver.id) == false)
        #expect(try await references.reference(driverID: driver.id, track: track, car: "Mazda MX-5")?.metadata.lapTime == 81)
        #expect(try await writer.saveDriverReference(Self.reference(lapTime: 79.5, seed: 3), driverID: driver.id))
        let best = try #require(try await references.reference(driverID: driver.id, track: track, car: "Mazda MX-5"))
        #expect(best.metadata.lapTime == 79.5)
        #expect(abs(Double(best.speed[10]) - Double(Self.reference(lapTime: 79.5, seed: 3).speed[10])) <= 0x1p-11)

        // Another driver, or another car, has no reference.
        let other = try await fixture.drivers.createDriver(name: "Other")
        #expect(try await references.reference(driverID: other.id, track: track, car: "Mazda MX-5") == nil)
        #expect(try await references.reference(driverID: driver.id, track: track, car: "Porsche 911") == nil)
        await #expect(throws: StorageError.self) {
            try await writer.saveDriverReference(Self.reference(lapTime: .nan), driverID: driver.id)
        }
    }
}
