/// When a driver may send its next batch.
struct Pacer: Sendable {
    let pacing: LoadOptions.Pacing
    /// When the driver's frame 0 was "recorded" by its sim.
    let start: ContinuousClock.Instant

    /// Waits until the batch ending before frame `end` may go: in real time once its last frame
    /// exists (`end / 60` s after the start; at once when behind, e.g. after a reconnect); as
    /// fast as possible once fewer than `window` batches are unacknowledged, woken by `acks`.
    /// (The server's rate limit is kept when the batch is sent: `SendRates`.)
    func waitForTurn(framesUpTo end: Int, acks: AckSignal, inFlight: () -> Int) async throws {
        switch pacing {
        case .realTime:
            let due = start + .seconds(Double(end) / LoadOptions.frameRate)
            if due > .now { try await Task.sleep(until: due, clock: .continuous) }
        case .asFastAsPossible(let window):
            while true {
                let seen = acks.count
                if inFlight() < window { return }
                await acks.wait(after: seen)
                try Task.checkCancellation()
            }
        }
    }
}
