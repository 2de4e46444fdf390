import Testing
import Telemetry

@Suite struct FrameValidatorTests {
    private func error(_ batch: FrameBatch, trackLength: Double = 580) -> WireError? {
        wireError { () throws(WireError) in try FrameValidator.validate(batch, trackLength: trackLength) }
    }

    private func batch(editing index: Int = 3, _ edit: (inout TelemetryFrame) -> Void) -> FrameBatch {
        var batch = SampleFrames.batch(count: 6)
        edit(&batch.frames[index])
        return batch
    }

    @Test func acceptsPlausibleFrames() {
        #expect(error(SampleFrames.batch(count: 120)) == nil)
        #expect(error(SampleFrames.batch(count: 1, channels: .required)) == nil)
    }

    @Test func refusesEmptyAndOversizedBatches() {
        #expect(error(SampleFrames.batch(count: 0))?.code == .badFrameCount)
        #expect(error(SampleFrames.batch(count: 121))?.code == .badFrameCount)
    }

    @Test func nanOrInfinityInAnyPresentChannelIsInvalidAndNamed() {
        let cases: [(String, (inout TelemetryFrame) -> Void)] = [
            ("sessionTime", { $0.sessionTime = .nan }),
            ("speed", { $0.speed = .infinity }),
            ("throttle", { $0.throttle = .nan }),
            ("steering", { $0.steering = -.infinity }),
            ("rpm", { $0.rpm = .nan }),
            ("lateralAcceleration", { $0.lateralAcceleration = .infinity }),
            ("yawRate", { $0.yawRate = .nan }),
            ("latitude", { $0.latitude = .nan }),
            ("lapDistance", { $0.lapDistance = .nan }),
        ]
        for (channel, edit) in cases {
            let found = error(batch(edit))
            #expect(found?.code == .invalidValue, "\(channel)")
            #expect(found?.message.contains(channel) == true, "\(channel)")
            #expect(found?.message.contains("frame 3") == true, "\(channel)")
        }
    }

    @Test func absentChannelsAreNotChecked() {
        // A client that does not send rpm leaves it NaN: that must not drop the batch.
        #expect(error(SampleFrames.batch(count: 3, channels: .required)) == nil)
    }

    @Test func outOfRangeValuesAreInvalid() {
        let cases: [(String, (inout TelemetryFrame) -> Void)] = [
            ("throttle", { $0.throttle = 1.01 }),
            ("brake", { $0.brake = -0.01 }),
            ("clutch", { $0.clutch = 100 }),
            ("speed", { $0.speed = -0.5 }),
            ("speed", { $0.speed = 151 }),
            ("gear", { $0.gear = 13 }),
            ("gear", { $0.gear = -2 }),
            ("lapDistanceFraction", { $0.lapDistanceFraction = 57 }),
            ("longitude", { $0.longitude = 181 }),
        ]
        for (channel, edit) in cases {
            let found = error(batch(edit))
            #expect(found?.code == .invalidValue, "\(channel)")
            #expect(found?.message.contains(channel) == true, "\(channel)")
        }
    }

    @Test func pedalRoundingWithinTheToleranceIsAccepted() {
        #expect(error(batch { $0.throttle = 1.0005; $0.brake = -0.0005 }) == nil)
        #expect(error(batch { $0.gear = -1 }) == nil)
        #expect(error(batch { $0.speed = 0 }) == nil)
    }

    @Test func distanceOutsideTheTrackIsOutOfRange() {
        #expect(error(batch { $0.lapDistance = -0.1 })?.code == .distanceOutOfRange)
        #expect(error(batch { $0.lapDistance = 586 })?.code == .distanceOutOfRange)
        #expect(error(batch { $0.lapDistance = 585.7 }) == nil)  // within 1 % of 580 m
        #expect(error(batch { $0.lapDistance = 585.7 }, trackLength: 5793.8) == nil)
    }
}
