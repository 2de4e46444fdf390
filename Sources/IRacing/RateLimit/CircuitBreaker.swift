import Foundation

/// Stops calling iRacing after `threshold` failures in a row (outage, maintenance, network),
/// for `coolDown`; then lets calls through again and closes on the first success.
///
/// Without it every tracked driver would wait out its own retries against a site that is
/// down, and the poll cycle would take minutes to learn what the first call already knew.
actor CircuitBreaker {
    private let threshold: Int
    private let coolDown: TimeInterval
    private var consecutiveFailures = 0
    private var openUntil: Date?

    init(threshold: Int, coolDown: TimeInterval) {
        self.threshold = max(1, threshold)
        self.coolDown = coolDown
    }

    /// Throws `.circuitOpen` while open.
    func check() throws(IRacingError) {
        if let openUntil, openUntil > Date() { throw .circuitOpen }
    }

    func recordSuccess() {
        consecutiveFailures = 0
        openUntil = nil
    }

    func recordFailure() {
        consecutiveFailures += 1
        if consecutiveFailures >= threshold { openUntil = Date().addingTimeInterval(coolDown) }
    }

    var isOpen: Bool { openUntil.map { $0 > Date() } ?? false }
}
