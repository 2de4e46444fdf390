import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `trailbrake serve` as a child process on a data directory and port that survive it, so a test
/// can stop the server and start it again where it was (a restart mid-lap).
final class ServerProcess {
    let directory: URL
    let port: Int
    private(set) var process: Process
    /// The first run's token (printed once, when the database is created).
    let token: String

    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("trailbrake"),
            TestData.packageRoot.appendingPathComponent(".build/debug/trailbrake"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    var databasePath: String { directory.appendingPathComponent("data/trailbrake.sqlite").path }
    var liveURL: String { "ws://127.0.0.1:\(port)" }

    init(port: Int) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("references"), withIntermediateDirectories: true)
        try "[server]\nreference_dir = \"\(directory.appendingPathComponent("references").path)\"\n\n[voice]\nenabled = false\n\n[log]\nlevel = \"info\"\n"
            .write(to: directory.appendingPathComponent("trailbrake.toml"), atomically: true, encoding: .utf8)
        self.port = port
        let (process, stdout, stderr) = try Self.start(directory: directory, port: port)
        self.process = process
        do {
            async let token = stdout.firstLine(after: { $0.hasPrefix("First run:") })
            async let listening = stderr.firstMatch { $0.contains("listening on http") ? $0 : nil }
            (self.token, _) = try await (token, listening)
        } catch {
            Self.kill(process)
            throw TestFailure("trailbrake serve did not start: \(error)")
        }
    }

    /// Stops the server as an operator would (SIGTERM: sessions end, partial laps are stored).
    func stop() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// Starts it again on the same port and data directory.
    func restart() async throws {
        stop()
        let (process, _, stderr) = try Self.start(directory: directory, port: port)
        self.process = process
        _ = try await stderr.firstMatch { $0.contains("listening on http") ? $0 : nil }
    }

    func tearDown() {
        Self.kill(process)
        try? FileManager.default.removeItem(at: directory)
    }

    private static func start(directory: URL, port: Int) throws -> (Process, LineStream, LineStream) {
        guard let executable else { throw TestFailure("trailbrake is not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--host", "127.0.0.1", "--port", "\(port)", "--data-dir", directory.appendingPathComponent("data").path,
            "--config", directory.appendingPathComponent("trailbrake.toml").path,
        ]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRAILBRAKE_") }
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        let streams = (LineStream(out.fileHandleForReading), LineStream(err.fileHandleForReading))
        try process.run()
        return (process, streams.0, streams.1)
    }

    private static func kill(_ process: Process) {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
