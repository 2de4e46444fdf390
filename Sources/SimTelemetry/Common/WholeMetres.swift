/// Whole metres for status notes and refusals. The distances come from packets, so they can be
/// any finite size: `Int(_:)` traps beyond `Int`'s range (a teleport to 3e38 m crashed the
/// client), so out-of-range values are written as they are.
enum WholeMetres {
    static func text(_ metres: Double) -> String {
        Int(exactly: metres.rounded()).map(String.init) ?? "\(metres)"
    }
}
