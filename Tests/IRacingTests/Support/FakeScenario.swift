import Foundation
import Testing
import IRacing
@testable import IRacingFake

/// Runs `body` against a fake iRacing whose world holds `races`; nil (test skipped by its
/// trait) without the shared data.
func withFakeIRacing<T: Sendable>(
    races: [FakeWorld.Race] = [], configure: @Sendable (isolated FakeIRacingState) -> Void = { _ in },
    _ body: @Sendable (FakeIRacingServer) async throws -> T
) async throws -> T {
    guard let fixtures = FakeFixtures.load() else { throw FixtureError("shared iRacing data missing") }
    return try await FakeIRacingServer.with(world: FakeWorld(fixtures: fixtures, races: races), configure: configure, body)
}

/// Member ids far from any real one in the fixtures.
enum FakeMembers {
    static let alice = 900_001
    static let bob = 900_002
    static let carol = 900_003
}

extension Trait where Self == ConditionTrait {
    /// Skips tests that need `../shared/data/iracing-api`.
    static var needsIRacingData: ConditionTrait {
        .enabled(if: FakeFixtures.load() != nil, "needs ../shared/data/iracing-api")
    }
}

/// The suites that talk to a fake iRacing, run one test at a time: each test starts a server
/// and some send hundreds of requests, and in parallel they would starve the rest of the
/// package's tests (which have timeouts of their own) on a 2-core machine.
@Suite(.serialized, .needsIRacingData) struct FakeIRacingSuites {}
