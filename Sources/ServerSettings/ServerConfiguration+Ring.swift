extension ServerConfiguration.Live {
    /// The default frame ring: 16 frames, 1.5 KiB a driver.
    ///
    /// Why so few: the connection pushes a batch and coaches it before it reads the next message,
    /// draining the ring itself whenever it is full, so the ring holds only what one drain takes.
    /// A 100 ms batch at 60 Hz (6 frames) fits twice; a larger batch, up to the protocol's 120
    /// frames, is coached in ring-sized parts, every frame in order. Every slot is written as the
    /// ring turns, so every slot is resident: the old default (128, one whole largest batch) cost
    /// 12 KiB a driver.
    public static let defaultRingCapacity = 16

    /// The smallest ring accepted: below 8 frames a 60 Hz batch would take a drain for every
    /// frame or two.
    public static let smallestRingCapacity = 8
}
