import Foundation
import InMemoryLogging
import OTLPCollectorFake
import Testing

/// A collector that fails or is not there costs the server nothing it needs: coaching goes
/// on, spans are dropped past the bounded queue, the failure is logged once, the shutdown
/// (which tries one last flush) ends within the export timeout.
@Suite(.serialized) struct CollectorFailureTests {
    static func failures(_ logs: InMemoryLogHandler, containing text: String) -> Int {
        logs.entries.filter { $0.message.description.contains(text) }.count
    }

    @Test func aCollectorAnswering503IsLoggedOnceAndSpansPastTheQueueAreDropped() async throws {
        try await FakeOTLPCollector.with { collector in
            // 503 is retried with backoff until the export timeout: exports are slow, the queue fills.
            collector.respondWith(.serviceUnavailable)
            let logs = InMemoryLogHandler()
            let run = try await TracedRuns.run(seconds: 3, logs: logs) { tracing in
                tracing.endpoint = collector.tracesURL
                tracing.liveBatchSampleRatio = 1
                tracing.exportIntervalSeconds = 0.05
                tracing.maxQueueSpans = 16
                tracing.maxExportBatchSpans = 16
                tracing.exportTimeoutSeconds = 0.5
            }
            #expect(run.report.errors.isEmpty, "errors: \(run.report.errors)")
            #expect(run.report.totals.cues > 0 && run.lapsStored > 0)
            #expect(collector.requestCount >= 2, "the exporter kept trying: \(collector.requestCount)")
            #expect(collector.spans.isEmpty)
            #expect(Self.failures(logs, containing: "Failed to export") == 1, "\(logs.entries.map(\.message))")
            // 16 queued spans cannot hold a second of batches: the queue overflowed, said once.
            #expect(Self.failures(logs, containing: "dropped") == 1, "\(logs.entries.map(\.message))")
        }
    }

    @Test func aCollectorThatIsNotThereDoesNotHoldUpTheServerOrItsShutdown() async throws {
        let logs = InMemoryLogHandler()
        let started = ContinuousClock.now
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        let run = try await TracedRuns.run(seconds: 2, logs: logs) { tracing in
            tracing.endpoint = "http://127.0.0.1:9/v1/traces"
            tracing.liveBatchSampleRatio = 1
            tracing.exportIntervalSeconds = 0.05
            tracing.exportTimeoutSeconds = 1
        }
        #expect(run.report.errors.isEmpty && run.report.totals.cues > 0 && run.restStatus == 200)
        #expect(Self.failures(logs, containing: "Failed to export") == 1, "\(logs.entries.map(\.message))")
        #expect(ContinuousClock.now - started < .seconds(30), "the last flush gave up within its timeout")
    }

    @Test func exportsResumeWhenTheCollectorRecovers() async throws {
        try await FakeOTLPCollector.with { collector in
            collector.respondWith(.internalServerError)
            let run = try await TracedRuns.run(seconds: 2, afterStreaming: {
                // Every export of the streaming failed; from now on the collector takes them.
                #expect(collector.requestCount > 0 && collector.spans.isEmpty)
                collector.respondWith(.ok)
            }) { tracing in
                tracing.endpoint = collector.tracesURL
                tracing.liveBatchSampleRatio = 1
                tracing.exportIntervalSeconds = 0.05
                tracing.exportTimeoutSeconds = 1
            }
            #expect(run.report.errors.isEmpty && run.restStatus == 200)
            // The request made after the recovery is exported: failures did not wedge the exporter.
            #expect(collector.spans.named("GET /api/v1/sessions").count == 1)
        }
    }
}
