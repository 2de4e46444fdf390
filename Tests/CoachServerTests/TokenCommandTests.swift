import Foundation
import Testing

/// `trailbrake token` and `trailbrake discord` as an operator runs them: the real executable on a
/// data directory, and a revocation from the CLI reaching a running `trailbrake serve` process.
@Suite(.enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct TokenCommandTests {
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `trailbrake ARGUMENTS` to the end.
    static func trailbrake(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        guard let executable = EndToEndServerProcess.executable else { throw TestFailure("trailbrake is not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRAILBRAKE_") }
            .merging(environment) { $1 }
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: output, as: UTF8.self), err: String(decoding: errors, as: UTF8.self))
    }

    /// `a | b | c` lines as trimmed cells.
    static func table(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func createListRevokeAndTheirErrors() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = ["--data-dir", directory.path]

        let created = try Self.trailbrake(["token", "create", "--driver", "ana", "--expires-in", "30d", "--label", "rig"] + data)
        #expect(created.status == 0)
        let token = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("tb_") && !token.contains("\n"), "stdout holds the token alone")
        #expect(created.err.contains("token id 1 for ana (expires "))
        #expect(try Self.trailbrake(["token", "create", "--driver", "ana"] + data).status == 0)

        let listed = try Self.trailbrake(["token", "list"] + data)
        let rows = Self.table(listed.out)
        #expect(rows.first == ["id", "driver", "label", "created", "expires", "status"])
        #expect(rows.count == 3)
        #expect(rows.dropFirst().first.map { [$0[0], $0[1], $0[2], $0[5]] } == ["1", "ana", "rig", "active"])
        #expect(rows.last?[4] == "never")
        #expect(!listed.out.contains(token), "the token itself is never shown again")

        let revoked = try Self.trailbrake(["token", "revoke", "1"] + data)
        #expect(revoked.status == 0 && revoked.out.contains("revoked token 1"))
        #expect(Self.table(try Self.trailbrake(["token", "list", "--driver", "ana"] + data).out).dropFirst().first?.last == "revoked")
        #expect(try Self.trailbrake(["token", "revoke", "1"] + data).out.contains("already revoked"))

        let missing = try Self.trailbrake(["token", "revoke", "99"] + data)
        #expect(missing.status != 0 && missing.err.contains("error [token_not_found]"))
        let unknown = try Self.trailbrake(["token", "list", "--driver", "nobody"] + data)
        #expect(unknown.status != 0 && unknown.err.contains("error [driver_not_found]"))
        for bad in ["0d", "5x", "30", "-1h", "99999999999999999999d", "30s"] {
            let refused = try Self.trailbrake(["token", "create", "--driver", "ana", "--expires-in", bad] + data)
            #expect(refused.status != 0, "--expires-in \(bad)")
        }
        let all = try Self.trailbrake(["token", "revoke", "--driver", "ana"] + data)
        #expect(all.out.contains("revoked 1 token(s) of ana: 2"))
    }

    @Test func aDiscordLinkCodeIsPrintedOnceAndUnlinkNamesWhatItDid() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = ["--data-dir", directory.path]
        #expect(try Self.trailbrake(["token", "create", "--driver", "ana"] + data).status == 0)
        let code = try Self.trailbrake(["discord", "link-code", "--driver", "ana", "--expires-in", "15m"] + data)
        #expect(code.status == 0)
        let printed = code.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed.range(of: #"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"#, options: .regularExpression) != nil)
        #expect(code.err.contains("/coach link code:\(printed)"))
        #expect(try Self.trailbrake(["discord", "links", "--driver", "ana"] + data).out.contains("no Discord server may see ana"))
        let unlink = try Self.trailbrake(["discord", "unlink", "--driver", "ana", "--guild", "290926798626357999"] + data)
        #expect(unlink.status == 0 && unlink.out.contains("could not see ana"))
        #expect(try Self.trailbrake(["discord", "link-code", "--driver", "nobody"] + data).err.contains("error [driver_not_found]"))
        #expect(try Self.trailbrake(["discord", "link-code", "--driver", "ana", "--expires-in", "2d"] + data).status != 0)
        #expect(try Self.trailbrake(["discord", "unlink", "--driver", "ana", "--guild", "#general"] + data).status != 0)
    }

    /// The CLI is another process: the running server learns of the revocation from the
    /// database at its next token check (every 5 s by default) and ends the session.
    @Test func aRevocationByTheCLIEndsTheRunningServersSession() async throws {
        let executable = try #require(EndToEndServerProcess.executable)
        let server = try await EndToEndServerProcess(executable: executable)
        defer { server.tearDown() }
        let data = ["--data-dir", server.directory.appendingPathComponent("data").path]
        let (url, token) = (server.liveURL, server.token)
        async let seen = TokenRevocationTests.drive(url: url, token: token, seconds: 20, mark: .init())
        try await Task.sleep(for: .seconds(2))
        let revokedAt = ContinuousClock.now
        let revoked = try Self.trailbrake(["token", "revoke", "--driver", "driver"] + data)
        #expect(revoked.status == 0, "\(revoked.err)")
        let result = try await seen
        let ended = ContinuousClock.now - revokedAt
        #expect(result.errors == ["token_revoked"])
        #expect(result.closeCode == 4401)
        #expect(ended < .seconds(9), "ended \(ended) after the CLI revoked the token; the server checks every 5 s")
    }
}
