import Testing
@testable import SimTelemetry

@Suite struct SimTelemetryTargetTests {
    @Test func targetBuilds() { _ = SimTelemetry.self }
}
