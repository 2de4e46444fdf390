import Foundation
import Testing

/// The console sims' subcommands as a driver meets them before any packet: help, and the
/// refusals of what GT7 cannot do without.
extension CommandLineTests {
    @Test func everyConsoleSourceHasHelpWithItsOwnAndTheSharedOptions() async throws {
        let root = try await client(["--help"])
        #expect(root.stdout.contains("gt7") && root.stdout.contains("ac") && root.stdout.contains("forza"))
        let own = [
            "gt7": ["--console", "--track", "--track-length", "--track-path", "--path-dir", "--packets", "--heartbeat-interval"],
            "ac": ["--host", "--track-length", "--resubscribe-after"],
            "forza": ["--port", "--from", "--track", "--track-length", "--queue-limit"],
        ]
        for (command, options) in own {
            let help = try await client([command, "--help"])
            #expect(help.status == 0, "\(command)")
            for option in options + ["--server", "--token-file", "--play", "--config", "--source-timeout"] {
                #expect(help.stdout.contains(option), "\(command) --help lacks \(option)")
            }
        }
    }

    @Test func gt7WithoutAConsoleOrATrackOrWithABadOptionIsRefusedBeforeAnythingIsSent() async throws {
        let noConsole = try await client(["gt7", "--track", "Brands Hatch", "--server", "ws://127.0.0.1:9"])
        #expect(noConsole.status != 0)
        #expect(noConsole.stderr.contains("--console HOST is required"))
        let noTrack = try await client(["gt7", "--console", "127.0.0.1", "--server", "ws://127.0.0.1:9"])
        #expect(noTrack.stderr.contains("--track NAME is required"))
        let badPackets = try await client(["gt7", "--console", "127.0.0.1", "--track", "T", "--packets", "Z", "--server", "ws://127.0.0.1:9"])
        #expect(badPackets.stderr.contains("--packets must be A, B, ~ or C"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-path-\(UUID().uuidString).json")
        try Data("{}".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let badPath = try await client(["gt7", "--console", "127.0.0.1", "--track", "T", "--track-path", path.path, "--server", "ws://127.0.0.1:9"])
        #expect(badPath.status != 0)
        #expect(badPath.stderr.contains("malformed"), "\(badPath.stderr)")
    }
}
