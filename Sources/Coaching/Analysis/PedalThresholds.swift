/// Pedal and timing thresholds shared by the detectors, each chosen from physics and sim data.
public enum PedalThresholds {
    /// Brake pressure that starts a braking zone. Sims report pedals in 1/255 steps and a resting
    /// foot or sensor jitter stays under ~3-5%; 8% is the lightest deliberate application (about
    /// 0.1 g on a GT car), so braking below it is not a braking point worth coaching.
    public static let brakeOn: Float = 0.08
    /// A zone ends when pressure falls below this (hysteresis: jitter around `brakeOn` must not
    /// split one zone into many).
    public static let brakeOff: Float = 0.04
    /// Zones shorter than this are blips (a tap to settle the car, a pedal spike): 0.2 s is below
    /// what a real stop needs at any racing speed.
    public static let minimumBrakeDuration = 0.2
    /// Releases shorter than this inside a braking zone are pedal modulation (ABS chatter, a
    /// stab), not two zones.
    public static let mergeGap = 0.2
    /// Throttle that counts as "back on the power": drivers rarely hold 100% exactly, and
    /// traction control or pedal calibration leave a few per cent.
    public static let throttleFull: Float = 0.9
    /// How long `throttleFull` must hold to count as the pick-up (not a blip on a downshift).
    public static let sustainedThrottle = 0.5
    /// Below this on both pedals the car is coasting (5%: above pedal jitter, below any
    /// deliberate input).
    public static let coastingPedal: Float = 0.05
}
