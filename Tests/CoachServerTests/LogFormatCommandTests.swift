import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `log.format` as an operator sets it: the real `trailbrake serve`, started and stopped, writes
/// only JSON objects on stderr with `json`, and swift-log's plain lines by default.
@Suite(.enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct LogFormatCommandTests {
    /// Runs `trailbrake serve` on a fresh data directory until it listens, stops it with SIGTERM
    /// and returns everything it wrote on stderr, and its first-run token.
    static func serveAndStop(environment: [String: String]) async throws -> (stderr: [String], token: String) {
        let executable = try #require(EndToEndServerProcess.executable)
        let directory = try TokenCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", directory.appendingPathComponent("data").path,
        ]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRAILBRAKE_") }
            .merging(["TRAILBRAKE_SERVER_REFERENCE_DIR": directory.path, "TRAILBRAKE_VOICE_PRERENDER": "false"]) { $1 }
            .merging(environment) { $1 }
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        let stdout = LineStream(out.fileHandleForReading), stderr = LineStream(err.fileHandleForReading)
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let lines = Mutex<[String]>([])
        let token = try await withTimeout(seconds: 30) {
            _ = try await stderr.firstMatch { line in
                lines.withLock { $0.append(line) }
                return line.contains("listening on http") ? line : nil
            }
            return try await stdout.firstLine(after: { $0.hasPrefix("First run:") })
        }
        kill(process.processIdentifier, SIGTERM)
        try await withTimeout(seconds: 30) {
            // Collects until the child closes stderr (it exited).
            _ = try? await stderr.firstMatch { line in
                lines.withLock { $0.append(line) }
                return nil
            }
        }
        return (lines.withLock { $0 }, token)
    }

    @Test func jsonFormatWritesOneObjectPerLineAndNoSecret() async throws {
        let (lines, token) = try await Self.serveAndStop(environment: ["TRAILBRAKE_LOG_FORMAT": "json"])
        #expect(lines.count >= 2, "the server logs at least that it listens and that it stops")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON object: \(line)")
            for field in ["timestamp", "level", "label", "message"] {
                #expect(object?[field] is String, "\(field) missing in \(line)")
            }
        }
        #expect(lines.contains { $0.contains("\"message\":\"listening on http://127.0.0.1:") })
        // SIGTERM is seen in the log, and the last line says the server stopped.
        let listening = try #require(lines.firstIndex { $0.contains("listening on http") })
        let stopping = try #require(lines.firstIndex { $0.contains("\"message\":\"shutting down: ending live sessions") })
        #expect(listening < stopping)
        #expect(lines.last?.contains("\"message\":\"stopped\"") == true, "last line: \(lines.last ?? "none")")
        #expect(!lines.joined().contains(token), "the first-run token reached the log")
    }

    @Test func textIsTheDefault() async throws {
        let (lines, _) = try await Self.serveAndStop(environment: [:])
        let listening = try #require(lines.first { $0.contains("listening on http") })
        #expect(!listening.hasPrefix("{"))
        #expect(listening.contains("info trailbrake"), "swift-log's plain line: \(listening)")
    }
}
