import Testing
import Telemetry
@testable import Coaching
@testable import LapSynthesis

@Suite struct SynthesisTests {
    static let cars: [CarProfile] = [.gt4, .formula, .roadCar]

    @Test(arguments: cars)
    func referenceLapIsPhysical(car: CarProfile) throws {
        let lap = LapSynthesizer.referenceLap(track: .testCircuit, car: car)
        #expect(lap.count == 3400)
        #expect(lap.time[0] == 0)
        for i in 1..<lap.count { #expect(lap.time[i] > lap.time[i - 1]) }
        // Never above the grip limit or the gearing, never both pedals hard.
        for i in 0..<lap.count {
            let v = Double(lap.speed[i])
            let kappa = abs(SyntheticTrack.testCircuit.curvature(at: Double(i)))
            #expect(v * v * kappa <= car.lateralGrip * 9.81 * 1.001)
            #expect(v <= car.topSpeed + 1e-3)
            #expect(!(lap.throttle[i] > 0.05 && lap.brake[i] > 0.5))
        }
        // Lap time equals the integral of 1/v (trapezoid), computed independently here.
        var integral = 0.0
        for i in 0..<lap.count {
            integral += 2 / Double(lap.speed[i] + lap.speed[(i + 1) % lap.count])
        }
        #expect(abs(integral - lap.metadata.lapTime) < 1e-2)
    }

    @Test func kinkIsFlatAndHairpinIsSlow() {
        let corners = LapSynthesizer.corners(track: .testCircuit, car: .gt4)
        // Seven corner segments, one of them the flat-out kink: six corners slow the car.
        #expect(corners.count == 6)
        let hairpin = corners.min { $0.apexSpeed < $1.apexSpeed }
        // v = sqrt(1.45 g * 15 m) = 14.6 m/s = 52.5 km/h
        #expect(abs((hairpin?.apexSpeed ?? 0) - (1.45 * 9.81 * 15).squareRoot() * 3.6) < 1)
        #expect(corners.allSatisfy { $0.brakeOnset != nil })
    }

    @Test func brakeEarlyKeepsDecelerationAndRejoins() throws {
        let track = SyntheticTrack.testCircuit
        let reference = LapSynthesizer.referenceLap(track: track, car: .gt4)
        let lap = LapSynthesizer.lap(track: track, car: .gt4, lapNumber: 2, mistakes: [.brakeEarly(corner: 3, lap: 2, metres: 20)])
        let corner = try #require(LapSynthesizer.corners(track: track, car: .gt4).first { $0.number == 3 })
        let onset = Int(try #require(corner.brakeOnset))
        // Slower through the stretch before the apex, identical once the corner is left.
        #expect(lap.speed[onset] < reference.speed[onset] - 1)
        #expect(lap.speed[onset - 30] == reference.speed[onset - 30])
        #expect(abs(lap.speed[Int(corner.apex)] - reference.speed[Int(corner.apex)]) < 0.01)
        #expect(lap.speed[Int(corner.apex) + 200] == reference.speed[Int(corner.apex) + 200])
        #expect(lap.metadata.lapTime > reference.metadata.lapTime)
        // Same brake pressure profile, 20 m earlier.
        #expect(abs(lap.brake[onset - 20 + 10] - reference.brake[onset + 10]) < 0.05)
    }

    @Test func framesAreSixtyHertzAndWrap() {
        let session = LapSynthesizer.frames(track: .clubCircuit, car: .roadCar, laps: 2, startSessionTime: 100)
        #expect(session.lapTimes.count == 2)
        #expect(session.lineCrossingTimes.first == 100)
        for pair in zip(session.frames, session.frames.dropFirst()) {
            #expect(abs(pair.1.sessionTime - pair.0.sessionTime - 1.0 / 60) < 1e-9)
            if pair.1.lapNumber == pair.0.lapNumber {
                #expect(pair.1.lapDistance > pair.0.lapDistance)
            } else {
                #expect(pair.1.lapNumber == pair.0.lapNumber + 1)
                #expect(pair.1.lapDistance < 50)
            }
        }
        // The first frame of lap 2 comes within one tick after the recorded crossing.
        let first = session.frames.first { $0.lapNumber == 2 }
        let lag = first.map { $0.sessionTime - session.lineCrossingTimes[1] }
        #expect(lag.map { $0 >= 0 && $0 < 1.0 / 60 } == true)
    }

    @Test func noiseIsDeterministic() {
        let a = LapSynthesizer.frames(track: .clubCircuit, car: .gt4, laps: 1, noise: .init(seed: 7))
        let b = LapSynthesizer.frames(track: .clubCircuit, car: .gt4, laps: 1, noise: .init(seed: 7))
        let c = LapSynthesizer.frames(track: .clubCircuit, car: .gt4, laps: 1, noise: .init(seed: 8))
        #expect(a.frames == b.frames)
        #expect(a.frames != c.frames)
    }
}

extension CarProfile: CustomTestStringConvertible {
    public var testDescription: String { name }
}
