import InMemoryLogging
import Logging
import ServerTracing
import Testing

/// The exporter's diagnostics reach the server's log once per kind of message.
struct OnceLogHandlerTests {
    @Test func eachMessageIsPassedOnOnceAndRepeatsAreCounted() {
        let base = InMemoryLogHandler()
        let once = OnceLogHandler(forwardingTo: base)
        let logger = Logger(label: "test") { _ in once }
        for _ in 0..<5 { logger.warning("Failed to export batch.", metadata: ["batch_id": "1"]) }
        logger.warning("Spans were dropped")
        logger.warning("Spans were dropped")
        #expect(base.entries.map(\.message.description) == ["Failed to export batch.", "Spans were dropped"])
        #expect(base.entries.first?.metadata["batch_id"] == "1")
        #expect(once.suppressedCount == 5)
    }
}
