/// Approach advice for one corner, planned when the habits change (at a lap's end) so that on
/// every frame the coach only compares the car's distance with the trigger window.
///
/// Everything here depends only on the reference, the track map, the habits and the
/// configuration; what depends on the moment (armed, already cued, cooldown, braking) is
/// checked when the car is in the window.
struct ApproachCue: Sendable {
    /// Index of the corner's plan, and its flag slot (`CornerFlags`).
    var plan: Int
    var slot: Int
    var corner: Int
    var cornerName: String?
    var advice: CueAdvice
    var text: String
    var numbers: CueNumbers
    var timing: CornerCoach.Timing
    /// Metres from the trigger to the latest start (the cue is said only inside this window).
    var window: Double
}
