import Foundation

/// Paces data-API calls to iRacing's published budget and bounds the requests in flight.
///
/// The budget is what the last response's headers said, minus the calls started since; at
/// zero, callers wait for the reset (plus a margin for clock skew) instead of collecting a 429.
/// Until the first headers arrive only one budgeted call runs, so a cold start cannot burst
/// past a small limit. Linked-file downloads (S3, CDN) take a slot but no budget.
actor RateLimiter {
    private let maxInFlight: Int
    private let resetMargin: TimeInterval
    private var inFlight = 0
    private var budgetedInFlight = 0
    private var limit: Int?
    private var remaining: Int?
    private var resetAt: Date?
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(maxInFlight: Int, resetMargin: TimeInterval) {
        self.maxInFlight = max(1, maxInFlight)
        self.resetMargin = max(0, resetMargin)
    }

    /// Waits for a slot (and, when `budgeted`, one unit of budget) and takes it.
    func acquire(budgeted: Bool) async throws {
        while true {
            try Task.checkCancellation()
            if budgeted, let wait = budgetWait() {
                try await Task.sleep(for: .seconds(wait))
                continue
            }
            let probing = budgeted && remaining == nil && budgetedInFlight > 0
            if inFlight < maxInFlight, !probing {
                inFlight += 1
                if budgeted {
                    budgetedInFlight += 1
                    if let remaining { self.remaining = remaining - 1 }
                }
                return
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    /// Returns the slot; `headers` (when the response had them) correct the budget.
    func release(budgeted: Bool, headers: RateLimitHeaders?) {
        inFlight -= 1
        if budgeted { budgetedInFlight -= 1 }
        if let headers { adopt(headers) }
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }

    /// A 429: nothing is left until `reset`. The 429's own reset header is the truth, earlier
    /// or later than what we believed; without one, wait `fallbackWait` (or the known reset).
    func exhausted(until reset: Date?, fallbackWait: TimeInterval) {
        remaining = 0
        if let reset {
            resetAt = reset
        } else {
            let fallback = Date().addingTimeInterval(fallbackWait)
            resetAt = max(resetAt ?? fallback, fallback)
        }
    }

    /// Seconds to wait before the budget allows a call; nil when it does now.
    private func budgetWait() -> TimeInterval? {
        guard let remaining, remaining <= 0 else { return nil }
        guard let resetAt else {
            self.remaining = nil
            return nil
        }
        let wait = resetAt.timeIntervalSinceNow + resetMargin
        if wait <= 0 {
            // A new window: until its headers arrive, count from the last known limit.
            self.remaining = limit.map { $0 - budgetedInFlight }
            self.resetAt = nil
            return self.remaining.map { $0 <= 0 ? resetMargin : nil } ?? nil
        }
        return wait
    }

    private func adopt(_ headers: RateLimitHeaders) {
        guard headers.reset.timeIntervalSinceNow > -resetMargin else { return }  // a late answer from a past window
        limit = headers.limit
        let serverView = headers.remaining - budgetedInFlight
        if let resetAt, headers.reset <= resetAt, let remaining {
            self.remaining = min(remaining, serverView)
        } else {
            resetAt = headers.reset
            remaining = serverView
        }
    }
}
