import Foundation
import IRacing
@testable import IRacingFake
import Logging
import OTLPCollectorFake
import ServerTracing
import Testing

extension FakeIRacingSuites {
    /// With tracing on, every HTTP call of the client is a `client` span at the collector, named
    /// by the call's label: never the URL, whose links are pre-signed.
    @Suite struct ClientTracingTests {
        @Test func everyCallIsAClientSpanNamedWithoutItsURL() async throws {
            try await FakeOTLPCollector.with { collector in
                let exporter = try TraceExporter.make(
                    TraceExportSettings(tracesURL: collector.tracesURL, exportInterval: .seconds(600)), logger: Logger(label: "test"))
                let races = [FakeWorld.Race(subsessionID: 70_000_001, memberIDs: [FakeMembers.bob], start: Date())]
                try await withService(exporter.service) {
                    try await withFakeIRacing(races: races) { server in
                        let client = try TestClient(server, tracer: exporter.tracer).client
                        _ = try await client.memberRecentRaces(memberID: FakeMembers.bob)
                    }
                }
                let spans = collector.spans
                // The token, the data call and its link, each once, in the client's own traces.
                #expect(Set(spans.map(\.name)) == ["iracing POST /oauth2/token", "iracing GET /data/stats/member_recent_races", "iracing GET linked file"])
                #expect(spans.allSatisfy { $0.kind == 3 && $0.int("http.response.status_code") == 200 })
                #expect(spans.allSatisfy { !$0.name.contains("http") && !$0.name.contains("?") })
            }
        }
    }
}
