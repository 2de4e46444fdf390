import Foundation
import Logging
import ServerLogging
import Synchronization
import Testing

/// `log.format = "json"`: every event is one line that a JSON parser reads back whole, with the
/// fields a collector indexes, and secrets never reach it.
@Suite struct JSONLogHandlerTests {
    /// The lines a handler wrote, in order.
    final class Captured: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var sink: LogLineSink { LogLineSink { line in self.lines.withLock { $0.append(line) } } }

        /// Each line parsed as one JSON object (fails the test when one is not).
        func objects() throws -> [[String: Any]] {
            try all.map { line in
                #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false, "one event, one line: \(line)")
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                return try #require(object as? [String: Any], "not a JSON object: \(line)")
            }
        }
    }

    static func logger(_ captured: Captured, level: Logger.Level = .info, provider: Logger.MetadataProvider? = nil) -> Logger {
        Logger(label: "trailbrake.live") { label in
            var handler = JSONLogHandler(label: label, sink: captured.sink, metadataProvider: provider)
            handler.logLevel = level
            return handler
        }
    }

    @Test func anEventIsOneObjectWithTimestampLevelLabelMessageAndMetadata() throws {
        let captured = Captured()
        var logger = Self.logger(captured)
        logger[metadataKey: "session_id"] = "s-42"
        let before = Date()
        logger.warning("lap not stored", metadata: ["driver_id": "7", "attempt": .stringConvertible(3), "corners": ["T1", "T2"]])

        let object = try #require(try captured.objects().first)
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "trailbrake.live")
        #expect(object["message"] as? String == "lap not stored")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["session_id"] as? String == "s-42")
        #expect(metadata["driver_id"] as? String == "7")
        #expect(metadata["attempt"] as? String == "3")
        #expect(metadata["corners"] as? [String] == ["T1", "T2"])
        let stamp = try #require(object["timestamp"] as? String)
        let date = try #require(try? Date(stamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        #expect(stamp.hasSuffix("Z"), "UTC: \(stamp)")
        #expect(abs(date.timeIntervalSince(before)) < 60)
    }

    @Test func textThatWouldBreakTheLineIsEscaped() throws {
        let captured = Captured()
        let hostile = "a \"quoted\"\nsecond line\r\t\\ \u{01}\u{1F}\u{7F} ünïcödé 🏁"
        Self.logger(captured).error("\(hostile)", metadata: ["car": "\(hostile)", "nested": ["deep": ["x": "\(hostile)"]]])

        #expect(captured.all.count == 1)
        let object = try #require(try captured.objects().first)
        #expect(object["message"] as? String == hostile)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["car"] as? String == hostile)
        #expect(((metadata["nested"] as? [String: Any])?["deep"] as? [String: Any])?["x"] as? String == hostile)
    }

    @Test func secretsAreRedactedWhereverTheyAppear() throws {
        let captured = Captured()
        let token = "tb_" + String(repeating: "Ab3-_", count: 9)
        Self.logger(captured).info(
            "refused \(token) from client",
            metadata: [
                "authorization": "Bearer abc", "discord_token": "xyz.secret", "Cookie": "tb_session=1",
                "url": "wss://host/live?token=\(token)", "headers": ["X-Api-Key": "k1"],
                "token_ids": "[1, 2]", "driver": "ana",
            ])

        let line = try #require(captured.all.first)
        for secret in [token, "Bearer abc", "xyz.secret", "tb_session=1", "k1"] {
            #expect(!line.contains(secret), "\(secret) reached the log line: \(line)")
        }
        let object = try #require(try captured.objects().first)
        #expect((object["message"] as? String) == "refused tb_[redacted] from client")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["authorization"] as? String == SecretRedaction.placeholder)
        #expect(metadata["discord_token"] as? String == SecretRedaction.placeholder)
        #expect(metadata["Cookie"] as? String == SecretRedaction.placeholder)
        #expect((metadata["headers"] as? [String: Any])?["X-Api-Key"] as? String == SecretRedaction.placeholder)
        #expect(metadata["url"] as? String == "wss://host/live?token=tb_[redacted]")
        // What names a secret without being one stays readable.
        #expect(metadata["token_ids"] as? String == "[1, 2]")
        #expect(metadata["driver"] as? String == "ana")
    }

    @Test func eventsBelowTheLevelAreNotWrittenAndTheProviderAddsMetadata() throws {
        let captured = Captured()
        let provider = Logger.MetadataProvider { ["request_id": "r-1"] }
        let logger = Self.logger(captured, level: .notice, provider: provider)
        logger.info("hidden")
        logger.debug("hidden too")
        logger.notice("shown", metadata: ["request_id": "r-2"])

        let objects = try captured.objects()
        #expect(objects.map { $0["message"] as? String } == ["shown"])
        #expect((objects.first?["metadata"] as? [String: Any])?["request_id"] as? String == "r-2", "the event's own metadata wins")
    }
}
