import Foundation
import Testing
import Telemetry

@Suite struct ReferenceLapFileTests {
    static let metadata = ReferenceLapMetadata(
        sim: "iracing", track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580),
        car: "SK Modified", lapTime: 15.099, source: "csv:langley#175", date: "2015-05-28")

    /// A physically consistent lap on a 1 m grid: time is the integral of 1/speed.
    static func lap(points: Int = 580) -> ReferenceLap {
        var time: [Float] = [], speed: [Float] = [], throttle: [Float] = [], brake: [Float] = []
        var steering: [Float] = [], gear: [Int8] = []
        var elapsed = 0.0
        for index in 0..<points {
            let phase = 2 * Double.pi * Double(index) / Double(points)
            let metresPerSecond = 38 + 6 * sin(2 * phase)
            time.append(Float(elapsed))
            elapsed += 1 / metresPerSecond
            speed.append(Float(metresPerSecond))
            throttle.append(Float(max(0, sin(2 * phase))))
            brake.append(Float(max(0, -sin(2 * phase)) * 0.8))
            steering.append(Float(0.12 * cos(2 * phase)))
            gear.append(metresPerSecond > 40 ? 3 : 2)
        }
        return ReferenceLap(metadata: metadata, time: time, speed: speed, throttle: throttle, brake: brake, steering: steering, gear: gear)
    }

    private func failure(_ data: Data) -> ReferenceFileError? {
        do {
            _ = try ReferenceLapFile.decode(data)
            return nil
        } catch {
            return error
        }
    }

    /// The encoded lap as a mutable JSON object, for building broken files.
    private func document(_ edit: (inout [String: Any], inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: ReferenceLapFile.encode(Self.lap())) as? [String: Any])
        var channels = try #require(object["channels"] as? [String: Any])
        edit(&object, &channels)
        object["channels"] = channels
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func roundTripKeepsValuesToTheirDocumentedPrecision() throws {
        let original = Self.lap()
        let decoded = try ReferenceLapFile.decode(ReferenceLapFile.encode(original))
        #expect(decoded.metadata == original.metadata)
        #expect(decoded.count == original.count)
        #expect(decoded.gear == original.gear)
        for index in 0..<original.count {
            #expect(abs(decoded.time[index] - original.time[index]) <= 0.5e-4 + 1e-6)
            #expect(abs(decoded.speed[index] - original.speed[index]) <= 0.5e-3 + 1e-5)
            #expect(abs(decoded.brake[index] - original.brake[index]) <= 0.5e-3 + 1e-6)
            #expect(abs(decoded.steering[index] - original.steering[index]) <= 0.5e-4 + 1e-6)
        }
        // Rounding is idempotent: a file read and written again is byte-identical.
        #expect(ReferenceLapFile.encode(decoded) == ReferenceLapFile.encode(original))
    }

    @Test func writesAndReadsFiles() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ref-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try ReferenceLapFile.write(Self.lap(points: 50), to: url)
        #expect(try ReferenceLapFile.read(from: url).count == 50)
        #expect(throws: ReferenceFileError.self) { try ReferenceLapFile.read(from: url.appendingPathExtension("missing")) }
    }

    @Test func numbersAreRoundedInTheText() throws {
        var lap = Self.lap(points: 3)
        lap.speed[1] = 43.21625900268555
        let text = String(decoding: ReferenceLapFile.encode(lap), as: UTF8.self)
        #expect(text.contains("43.216,"))
        #expect(text.hasPrefix("{\"format\":\"trailbrake-reference-lap\",\"version\":1,"))
    }

    @Test func refusesOtherFormatsAndVersions() throws {
        #expect(failure(Data("not json".utf8))?.code == "malformed")
        #expect(failure(try document { object, _ in object["format"] = "trailbrake-track-map" })
                == .wrongFormat(found: "trailbrake-track-map", expected: "trailbrake-reference-lap"))
        #expect(failure(try document { object, _ in object["version"] = 2 }) == .unsupportedVersion(2))
        #expect(failure(try document { object, _ in object["metadata"] = nil })?.code == "malformed")
    }

    @Test func refusesInconsistentChannels() throws {
        #expect(failure(try document { _, channels in channels["brake"] = [0.0, 0.5] })
                == .channelLengthMismatch(channel: "brake", expected: 580, found: 2))
        #expect(failure(try document { object, _ in object["grid"] = ["spacing": 1, "count": 579] })
                == .countMismatch(grid: 579, channels: 580))
        #expect(failure(try document { object, _ in object["grid"] = ["spacing": 0.5, "count": 580] })?.code == "invalid_value")
    }

    @Test func refusesTimeThatDoesNotStartAtZeroOrGoForward() throws {
        func editTime(_ edit: @escaping (inout [Double]) -> Void) throws -> Data {
            try document { _, channels in
                var time = channels["time"] as? [Double] ?? []
                edit(&time)
                channels["time"] = time
            }
        }
        #expect(failure(try editTime { $0[0] = 0.01 }) == .timeNotStartingAtZero(Double(Float(0.01))))
        #expect(failure(try editTime { $0[10] = $0[9] }) == .timeNotIncreasing(index: 10))
        #expect(failure(try editTime { $0[20] = $0[19] - 0.001 }) == .timeNotIncreasing(index: 20))
    }

    @Test func refusesNonFiniteValues() throws {
        // JSON cannot carry NaN; a null or an overflowing number is what a broken writer leaves.
        #expect(failure(try document { _, channels in
            var speed = channels["speed"] as? [Any] ?? []
            speed[5] = NSNull()
            channels["speed"] = speed
        })?.code == "malformed")
        // 1e300 is valid JSON but no Float: it would become infinity in memory.
        #expect(failure(try document { _, channels in
            var speed = channels["speed"] as? [Any] ?? []
            speed[5] = 1e300
            channels["speed"] = speed
        }) == .nonFiniteValue(channel: "speed", index: 5))
        var lap = Self.lap(points: 10)
        lap.steering[4] = .nan
        #expect(throws: ReferenceFileError.nonFiniteValue(channel: "steering", index: 4)) { try ReferenceLapFile.validate(lap) }
        #expect(failure(ReferenceLapFile.encode(lap))?.code == "malformed")
        var overflow = Self.lap(points: 10)
        overflow.speed[3] = .infinity
        #expect(throws: ReferenceFileError.nonFiniteValue(channel: "speed", index: 3)) { try ReferenceLapFile.validate(overflow) }
    }

    @Test func writeRefusesALapItCouldNotReadBack() {
        var lap = Self.lap(points: 10)
        lap.time[5] = lap.time[4]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        #expect(throws: ReferenceFileError.timeNotIncreasing(index: 5)) { try ReferenceLapFile.write(lap, to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
