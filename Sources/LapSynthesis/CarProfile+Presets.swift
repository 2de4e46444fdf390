import Coaching

extension CarProfile {
    /// The presets by the short names the command line uses (`--car gt4`).
    public static let presets: [(key: String, profile: CarProfile)] = [("gt4", .gt4), ("formula", .formula), ("roadcar", .roadCar)]

    /// The preset named `key` (case ignored), or nil.
    public static func preset(named key: String) -> CarProfile? {
        presets.first { $0.key == key.lowercased() }?.profile
    }
}
