import Telemetry

extension ServerConfiguration.Live {
    /// The smallest frame ring that holds one batch of the protocol's largest size
    /// (`FrameBatch.maximumFrameCount`, sent to clients as `welcome.limits.max_frames_per_batch`),
    /// rounded up to a power of two for the ring's index masking: 128 frames, 12 KiB a driver.
    ///
    /// Why one batch is enough: the connection pushes a batch's frames and then drains the
    /// session itself before it reads the next message, so the ring never holds more than one
    /// batch (and a few frames more when the ack ticker's drain comes between). A ring smaller
    /// than a batch would still work (the connection drains mid-batch) but could not take one
    /// whole batch without a drain between.
    public static var smallestRingCapacity: Int { ringCapacity(holding: FrameBatch.maximumFrameCount) }

    /// The smallest power of two that is at least `frames` (and at least 1).
    static func ringCapacity(holding frames: Int) -> Int {
        var capacity = 1
        while capacity < frames { capacity <<= 1 }
        return capacity
    }
}
