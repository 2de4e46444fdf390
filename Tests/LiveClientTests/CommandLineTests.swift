import Foundation
import TestSupport
import Testing

/// The built `trailbrake-client` as a driver runs it: help for each source, a JSON-lines run
/// against a real server, and the refusals a driver can meet before anything is sent.
@Suite(.enabled(if: ClientExecutable.url != nil, "skipped: trailbrake-client is not built"), .timeLimit(.minutes(2)))
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the client to its end; its output goes to files, so nothing blocks on a full pipe.
    func client(_ arguments: [String], environment: [String: String] = [:]) async throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("client-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        guard let executable = ClientExecutable.url else { throw TestFailure("trailbrake-client is not built") }
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRAILBRAKE_") }.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let (ended, finish) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { finish.yield($0.terminationStatus); finish.finish() }
        try process.run()
        var iterator = ended.makeAsyncIterator()
        let status = await iterator.next() ?? -1
        return Run(
            status: status, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func privateFile(_ contents: String, mode: Int = 0o600) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("client-\(UUID().uuidString)")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    @Test func everySourceHasHelp() async throws {
        let root = try await client(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("iracing") && root.stdout.contains("jsonl"))
        for (command, option) in [("iracing", "--replay-ibt"), ("jsonl", "--track-length")] {
            let help = try await client([command, "--help"])
            #expect(help.status == 0, "\(command)")
            for shared in ["--server", "--token-file", "--ca-file", "--insecure", "--batch-ms", "--buffer-frames", "--play", "--config", option] {
                #expect(help.stdout.contains(shared), "\(command) --help lacks \(shared)")
            }
        }
    }

    @Test func aJSONLinesFileIsStreamedToTheServer() async throws {
        var lines = [#"{"type":"session","sim":"rf2","track":{"name":"Langley Speedway","config":"","length":580},"car":"SK Modified","session":"practice"}"#]
        lines += (0..<120).map { #"{"t":\#(Double($0) / 60),"lap":2,"dist":\#(Double($0) * 0.7),"speed":42,"throttle":1,"brake":0,"gear":3}"# }
        lines.insert("not json", at: 50)
        let input = try privateFile(lines.joined(separator: "\n") + "\n")
        let home = try await LiveTestServer.Home()
        defer { home.remove(); try? FileManager.default.removeItem(at: input) }
        let tokenFile = try privateFile(home.token + "\n")
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        try await LiveTestServer.with(home: home) { server in
            let run = try await client([
                "jsonl", "--server", server.liveURL, "--token-file", tokenFile.path, "--jsonl", input.path, "--speed", "20",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Int(server.metric("trailbrake_live_frames_total") ?? -1) == 120)
            #expect(run.stdout.contains("session: rf2, Langley Speedway (580 m), SK Modified, practice"))
            #expect(run.stdout.contains("sim: line 51 skipped: malformed_json"))
            #expect(run.stdout.contains("connected: new session"))
            #expect(run.stdout.contains("ended: every frame acknowledged"))
            #expect(run.stdout.contains("status: finished | JSON lines"), "not a terminal: plain status lines")
            #expect(!run.stdout.contains(home.token) && !run.stderr.contains(home.token))
        }
    }

    @Test func aTokenFileOthersCanReadIsRefusedBeforeAnythingIsSent() async throws {
        let tokenFile = try privateFile("tb_never_printed", mode: 0o644)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        let run = try await client(["jsonl", "--server", "ws://127.0.0.1:9", "--token-file", tokenFile.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("too open") && run.stderr.contains("chmod 600"))
        #expect(!run.stdout.contains("tb_never_printed") && !run.stderr.contains("tb_never_printed"))
    }

    @Test func insecurePrintsAWarningAndAWrongTokenStopsTheClient() async throws {
        let frames = try privateFile((0..<6).map { #"{"t":\#($0),"lap":1,"dist":\#($0),"speed":30,"throttle":1,"brake":0,"gear":2}"# }.joined(separator: "\n"))
        let session = ["--track", "Langley Speedway", "--track-length", "580", "--car", "SK Modified", "--jsonl", frames.path]
        let home = try await LiveTestServer.Home()
        defer { home.remove(); try? FileManager.default.removeItem(at: frames) }
        try await LiveTestServer.with(home: home) { server in
            let run = try await client(
                ["jsonl", "--server", server.liveURL.replacingOccurrences(of: "ws://", with: "wss://"), "--insecure", "--drain-timeout", "1"] + session,
                environment: ["TRAILBRAKE_TOKEN": "tb_wrong"])
            #expect(run.stderr.contains("the server's certificate is NOT verified"))
            // The plain server never answers the TLS hello: the client gives up after the drain timeout.
            #expect(run.status != 0)
            #expect(run.stdout.contains("gave up: 6 frames could not be delivered"), "\(run.stdout.prefix(1500))")
            let refused = try await client(["jsonl", "--server", server.liveURL] + session, environment: ["TRAILBRAKE_TOKEN": "tb_wrong"])
            #expect(refused.status != 0)
            #expect(refused.stdout.contains("stopped: the server refused the token (HTTP 401)"), "\(refused.stdout)")
            #expect(!refused.stdout.contains("tb_wrong") && !refused.stderr.contains("tb_wrong"))
        }
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"))
    func anIBTIsReplayedThroughTheIRacingCommand() async throws {
        let file = TestData.sharedDataDirectory!.appendingPathComponent("telemetry/rr_skmodified_langley_2015-05-28_14-45-12.ibt")
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let run = try await client(
                ["iracing", "--server", server.liveURL, "--replay-ibt", file.path, "--speed", "20", "--lossless"],
                environment: ["TRAILBRAKE_TOKEN": home.token])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("session: iracing, Langley Speedway (580 m), Modified - SK, offline testing"))
            #expect(run.stdout.contains("ended: every frame acknowledged"))
            let accepted = Int(server.metric("trailbrake_live_frames_total") ?? 0)
            #expect(accepted > 400 && accepted <= 418, "the file's 418 rows, less the ones no server would take")
        }
    }

    @Test func iRacingLiveNeedsWindows() async throws {
        let run = try await client(["iracing", "--server", "ws://127.0.0.1:9"], environment: ["TRAILBRAKE_TOKEN": "tb_x"])
        #if os(Windows)
        #expect(run.status == 0)
        #else
        #expect(run.status != 0 && run.stderr.contains("Windows only"))
        #endif
    }
}

/// The `trailbrake-client` SwiftPM built beside the test bundle; nil when it is not built.
enum ClientExecutable {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("trailbrake-client"),
            TestData.packageRoot.appendingPathComponent(".build/debug/trailbrake-client"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
