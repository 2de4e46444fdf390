import Coaching

extension ServerConfiguration.Coaching {
    /// The live coach's lap tracking: fragments dropped, the lap in progress capped as configured.
    public var lapTracking: LapTrackingConfiguration {
        var tracking = DriverCoachConfiguration.liveLapTracking
        tracking.maximumLapFrames = maxLapFrames
        tracking.maximumLapDuration = maxLapSeconds
        return tracking
    }
}
