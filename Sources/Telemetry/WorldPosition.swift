/// A sim's world position in metres (GT7, Assetto Corsa, Forza: x and z horizontal, y up) put in
/// the frame's latitude and longitude, so the racing line (`ReferenceLine`, which reads positions
/// as degrees on a plane tangent at the reference) works for these sims as it does for iRacing.
///
/// The metres are laid on the equator around (0°, `originLongitude`): there a degree is the same
/// length east and north, and the tangent plane the line code puts at the reference's first
/// point (a few km away at most) scales east by cos(latitude), 1 - 2e-7 at 3 km: micrometres over
/// a circuit. x is east and z north; whether a sim's z points north or south only mirrors the
/// track, and the line offsets are measured towards the outside of each corner in that same
/// plane, so their size and sign do not change. A world origin exactly (0, 0) on both axes is
/// what these sims send when they send no position: it stays "no position" (NaN).
public enum WorldPosition {
    /// Mean earth radius (m), as the line code's tangent plane uses it.
    public static let earthRadius = 6_371_000.0
    /// Metres per degree of latitude (and of longitude on the equator).
    public static let metresPerDegree = earthRadius * Double.pi / 180
    /// Away from longitude 0 so no position maps to (0, 0), which means "no position".
    public static let originLongitude = 90.0

    /// Latitude and longitude (degrees) for world metres `x` (east) and `z` (north); NaN for a
    /// missing (0, 0) or non-finite position.
    public static func geo(x: Double, z: Double) -> (latitude: Double, longitude: Double) {
        guard x.isFinite, z.isFinite, x != 0 || z != 0 else { return (.nan, .nan) }
        return (z / metresPerDegree, originLongitude + x / metresPerDegree)
    }
}

extension TelemetryFrame {
    /// Sets the position from world metres (see `WorldPosition`); a missing one leaves it absent.
    public mutating func setWorldPosition(x: Double, z: Double) {
        let geo = WorldPosition.geo(x: x, z: z)
        guard geo.latitude.isFinite else { return }
        latitude = geo.latitude
        longitude = geo.longitude
        presentChannels.formUnion([.latitude, .longitude])
    }
}
