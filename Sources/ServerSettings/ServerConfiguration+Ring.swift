import Telemetry

extension ServerConfiguration.Live {
    /// The smallest frame ring that holds one batch of the protocol's largest size
    /// (`FrameBatch.maximumFrameCount`, sent to clients as `welcome.limits.max_frames_per_batch`),
    /// rounded up to a power of two for the ring's index masking: 128 frames, 12 KiB a driver.
    ///
    /// Why one batch is enough: the connection pushes a batch's frames and wakes the consumer,
    /// which drains whatever is there; a well-behaved client at 60 Hz in 100 ms batches has 6
    /// frames waiting, and even a resuming client's burst (`batch_burst`) only makes its own
    /// socket wait for the drains. A ring smaller than a batch would still work (the push waits
    /// mid-batch) but could not take one whole batch without a drain between.
    public static var smallestRingCapacity: Int { ringCapacity(holding: FrameBatch.maximumFrameCount) }

    /// The smallest power of two that is at least `frames` (and at least 1).
    static func ringCapacity(holding frames: Int) -> Int {
        var capacity = 1
        while capacity < frames { capacity <<= 1 }
        return capacity
    }
}
