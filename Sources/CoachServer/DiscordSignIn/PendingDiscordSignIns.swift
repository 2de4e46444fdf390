import Foundation
import Synchronization

/// Sign-ins sent to Discord and not back yet, by their `state`: the PKCE verifier (which never
/// leaves the server), the redirect URI, where to go afterwards, and whether a signed-in browser
/// asked to link its account. Each is taken once. Bounded: past `capacity` the oldest is dropped
/// (that browser starts again); entries past their deadline are dropped first. A lock, not
/// an actor: each call is a few dictionary operations.
final class PendingDiscordSignIns: Sendable {
    struct Entry: Sendable, Equatable {
        var verifier: String
        var redirectURI: String
        var returnPath: String?
        /// The browser session that asked to link its Discord account; nil for a sign-in.
        var linkingSession: Int64?
        var linkingDriver: Int64?
        var expiresAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// States in insertion order (so also in deadline order); taken ones are skipped.
        var order: [String] = []
        var head = 0
    }

    let capacity: Int
    let lifetime: Duration
    private let state = Mutex(State())

    init(capacity: Int, lifetime: Duration) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    /// Keeps `entry` under `key`; returns how many older sign-ins were pushed out to make room.
    @discardableResult
    func insert(_ key: String, _ entry: Entry, now: ContinuousClock.Instant = .now) -> Int {
        state.withLock { state in
            var evicted = 0
            while state.head < state.order.count {
                let oldest = state.order[state.head]
                guard let found = state.entries[oldest] else { state.head += 1; continue }
                guard found.expiresAt <= now || state.entries.count >= capacity else { break }
                if found.expiresAt > now { evicted += 1 }
                state.entries[oldest] = nil
                state.head += 1
            }
            state.entries[key] = entry
            state.order.append(key)
            // Taken states stay in `order` until they reach its head; rebuild it before it
            // grows past twice the bound, so `order` is bounded like `entries`.
            if state.order.count - state.head > 2 * capacity + 64 || (state.head > 64 && state.head * 2 > state.order.count) {
                state.order = state.order[state.head...].filter { state.entries[$0] != nil }
                state.head = 0
            }
            return evicted
        }
    }

    /// The entry for `key`, removed; nil when unknown, taken before or past its deadline.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries.removeValue(forKey: key), entry.expiresAt > now else { return nil }
            return entry
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
    /// States remembered in order, taken ones included (bounded: tests check it).
    var orderLength: Int { state.withLock { $0.order.count - $0.head } }
}
