import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The real `trailbrake serve` as a child process, started in a fresh data directory with an
/// empty reference directory; the first-run token is read from its stdout and the bound address
/// from its stderr log line `listening on http://HOST:PORT`.
final class EndToEndServerProcess {
    let process: Process
    let directory: URL
    /// `http://127.0.0.1:PORT`
    let baseURL: String
    let token: String

    var pid: Int32 { process.processIdentifier }
    var databasePath: String { directory.appendingPathComponent("data/trailbrake.sqlite").path }
    var liveURL: String { baseURL.replacingOccurrences(of: "http", with: "ws") + "/api/v1/coaching/live" }

    /// The `trailbrake` executable SwiftPM built beside the test bundle; nil when it is not built.
    static var executable: URL? {
        var candidates: [URL] = []
        if let first = ProcessInfo.processInfo.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("trailbrake"))
        }
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("trailbrake"))
        }
        candidates.append(TestData.packageRoot.appendingPathComponent(".build/debug/trailbrake"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the server and waits (at most `startupTimeout` seconds) until it listens.
    /// - Parameters:
    ///   - previous: a stopped server whose directory (database, token) this one takes over: a restart.
    ///   - environment: `TRAILBRAKE_*` settings for the child (the developer's own never reach it).
    init(
        executable: URL, startupTimeout: Double = 20, restarting previous: EndToEndServerProcess? = nil,
        environment: [String: String] = [:]
    ) async throws {
        directory = previous?.directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-kill-\(UUID().uuidString)")
        let references = directory.appendingPathComponent("references")
        try FileManager.default.createDirectory(at: references, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("trailbrake.toml")
        // The tests stream recordings as fast as the socket takes them, far above a real client's
        // 10 batches a second: the batch rate limit (docs/protocol.md, "Limits") is lifted; and a
        // slow commit on a loaded machine must not turn a lap into `stored: false`.
        try "[server]\nreference_dir = \"\(references.path)\"\n\n[voice]\nprerender = false\n\n[log]\nlevel = \"info\"\n"
            .appending("\n[live]\nbatch_burst = 10000000\n\n[storage]\nlap_store_wait_ms = 20000\n")
            .write(to: config, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--host", "127.0.0.1", "--port", "0",
            "--data-dir", directory.appendingPathComponent("data").path, "--config", config.path,
        ]
        // The developer's own TRAILBRAKE_* settings must not reach the child.
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRAILBRAKE_") }
            .merging(environment) { $1 }
        let (stdoutPipe, stderrPipe) = (Pipe(), Pipe())
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let stdout = LineStream(stdoutPipe.fileHandleForReading), stderr = LineStream(stderrPipe.fileHandleForReading)
        try process.run()
        self.process = process
        do {
            let knownToken = previous?.token
            let started = try await withTimeout(seconds: startupTimeout) {
                async let token = Self.token(known: knownToken, printedOn: stdout)
                async let url = stderr.firstMatch { line in
                    // Hummingbird logs its own "listening on 127.0.0.1:PORT" first; ours has the scheme.
                    line.range(of: "listening on http").map { String(line[$0.lowerBound...].dropFirst(13).prefix { !$0.isWhitespace }) }
                }
                return (token: try await token, url: try await url)
            }
            token = started.token
            baseURL = started.url
        } catch {
            Self.terminate(process)
            if previous == nil { try? FileManager.default.removeItem(at: directory) }
            throw TestFailure("trailbrake serve did not start: \(error)")
        }
    }

    /// The first-run token a fresh server prints, or the one a restarted server keeps.
    private static func token(known: String?, printedOn stdout: LineStream) async throws -> String {
        if let known { return known }
        return try await stdout.firstLine(after: { $0.hasPrefix("First run:") })
    }

    /// Kills the child if it still runs, reaps it and removes its directory. Always call it (defer).
    func tearDown() {
        Self.terminate(process)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends SIGTERM (a graceful shutdown) and returns how long the child took to exit, nil
    /// when it still runs after `seconds` (it is then left running for `tearDown`).
    func terminateGracefully(within seconds: Double) async -> Duration? {
        let started = ContinuousClock.now
        kill(pid, SIGTERM)
        let process = process
        guard await eventually(within: seconds, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        return ContinuousClock.now - started
    }

    private static func terminate(_ process: Process) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
