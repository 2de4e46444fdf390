import Foundation
import OTLPCollectorFake
import Testing

/// Spans from a real running server reach a fake OTLP collector (a real HTTP server decoding
/// the real payload) with the right names and parent links, in both OTLP/HTTP encodings.
@Suite(.serialized) struct LiveTraceTests {
    @Test(arguments: ["http/protobuf", "http/json"])
    func everyBatchRequestAndLapStoreIsTracedWithItsParents(format: String) async throws {
        try await FakeOTLPCollector.with { collector in
            // Long enough for a lap to end mid-stream (a debug build coaches slowly).
            let run = try await TracedRuns.run(seconds: 8) { tracing in
                tracing.endpoint = collector.tracesURL
                tracing.protocol = format
                tracing.liveBatchSampleRatio = 1
            }
            #expect(run.report.errors.isEmpty, "errors: \(run.report.errors)")
            #expect(run.report.totals.cues > 0 && run.lapsStored > 0, "the run coached and stored laps")
            let spans = collector.spans
            let byID = spans.byID
            #expect(collector.contentTypes == [format == "http/json" ? "application/json" : "application/x-protobuf"])
            #expect(Set(spans.map(\.serviceName)) == ["trailbrake"])

            // Ratio 1: one root span per batch the server accepted.
            let batches = spans.named("live.batch")
            #expect(batches.count == run.batchesAccepted)
            #expect(batches.allSatisfy { $0.isRoot && $0.kind == 2 && $0.traceID.count == 32 })
            #expect(Set(batches.map(\.traceID)).count == batches.count, "each batch is its own trace")
            // Each batch's decoding and coaching are its children, in its trace: one decoding, and
            // one coaching per drain of the ring that met its frames (two when a drain began it
            // while its frames were still being pushed).
            let decodes = spans.named("live.decode"), coaching = spans.named("live.coach")
            #expect(Set(decodes.map(\.parentSpanID)) == Set(batches.map(\.spanID)) && decodes.count == batches.count)
            #expect(Set(coaching.map(\.parentSpanID)) == Set(batches.map(\.spanID)))
            for child in decodes + coaching {
                #expect(byID[child.parentSpanID]?.traceID == child.traceID, "\(child.name) in its batch's trace")
            }
            // Every cue sent is a child of the batch whose frames made it.
            let cues = spans.named("live.cue")
            #expect(!cues.isEmpty && cues.count <= run.report.totals.cues)
            for cue in cues {
                let parent = byID[cue.parentSpanID]
                #expect(parent?.name == "live.batch" && parent?.traceID == cue.traceID)
                #expect(cue.string("trailbrake.cue.kind") != nil && cue.int("trailbrake.cue.corner") != nil)
            }
            // A lap store runs in the trace of the batch that completed the lap; the partial lap
            // stored when the session ends (no batch completed it) is a trace of its own.
            let stores = spans.named("lap.store")
            #expect(stores.count == run.lapsStored)
            for store in stores {
                #expect(store.int("trailbrake.lap.id") != nil)
                let parent = byID[store.parentSpanID]
                #expect(store.isRoot || (parent?.name == "live.batch" && parent?.traceID == store.traceID))
            }
            #expect(
                stores.contains { byID[$0.parentSpanID]?.name == "live.batch" },
                "a lap completed by a batch: \(stores.map { ($0.parentSpanID, byID[$0.parentSpanID]?.name ?? "-") }), laps \(run.report.totals.laps), batches \(run.batchesAccepted)")
            // The REST request: a server span named by its route template.
            let rest = try #require(spans.named("GET /api/v1/sessions").first)
            #expect(run.restStatus == 200)
            #expect(rest.isRoot && rest.kind == 2)
            #expect(rest.int("http.response.status_code") == 200 && rest.string("http.route") == "/api/v1/sessions")
        }
    }

    @Test func ratioZeroTracesNoBatchButStillRequestsAndLapStores() async throws {
        try await FakeOTLPCollector.with { collector in
            let run = try await TracedRuns.run(seconds: 3) { tracing in
                tracing.endpoint = collector.tracesURL
                tracing.liveBatchSampleRatio = 0
            }
            #expect(run.report.errors.isEmpty && run.batchesAccepted > 0 && run.lapsStored > 0)
            let spans = collector.spans
            #expect(spans.filter { $0.name.hasPrefix("live.") }.isEmpty, "no live span at ratio 0")
            let stores = spans.named("lap.store")
            #expect(stores.count == run.lapsStored && stores.allSatisfy(\.isRoot))
            #expect(spans.named("GET /api/v1/sessions").count == 1)
        }
    }

    @Test func tracingOffSendsNothing() async throws {
        try await FakeOTLPCollector.with { collector in
            let run = try await TracedRuns.run(seconds: 2) { tracing in
                tracing.enabled = false
                tracing.endpoint = collector.tracesURL
                tracing.liveBatchSampleRatio = 1
            }
            #expect(run.report.errors.isEmpty && run.batchesAccepted > 0 && run.restStatus == 200)
            #expect(collector.requestCount == 0, "tracing off: no exporter, nothing sent")
        }
    }
}
