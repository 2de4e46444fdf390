import Foundation
@testable import ServerSettings
import Testing

@testable import CoachServer

/// `trailbrake config check [FILE]` as an operator runs it: the real executable with a file, an
/// environment variable and a flag, secrets in the environment, and a broken file.
@Suite(.enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct ConfigCheckCommandTests {
    /// `key = value   # source` lines of the output, by key.
    static func settings(_ output: String) -> [String: (value: String, source: String)] {
        var settings: [String: (value: String, source: String)] = [:]
        for line in output.split(separator: "\n") where line.contains(" = ") && line.contains("# ") && !line.hasPrefix(" ") {
            let (assignment, source) = (line.components(separatedBy: "# ").dropLast().joined(separator: "# "), line.components(separatedBy: "# ").last ?? "")
            let parts = assignment.components(separatedBy: " = ")
            settings[parts[0]] = (parts.dropFirst().joined(separator: " = ").trimmingCharacters(in: .whitespaces), source)
        }
        return settings
    }

    @Test func printsEverySettingWithItsSourceAndNoSecret() throws {
        let directory = try TokenCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("trailbrake.toml")
        try """
            [server]
            port = 9000
            host = "0.0.0.0"

            [iracing]
            data_api_url = "https://bot:hunter2@members.example/data"
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try TokenCommandTests.trailbrake(
            ["config", "check", file.path, "--host", "127.0.0.1", "--data-dir", directory.path],
            environment: [
                "TRAILBRAKE_SERVER_PORT": "9100", "TRAILBRAKE_DISCORD_TOKEN": "discord-secret-value",
                "IRACING_PASSWORD": "iracing-secret-value",
            ])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("configuration \(file.path): valid"))
        let settings = Self.settings(run.out)
        #expect(settings["server.host"]?.value == "\"127.0.0.1\"" && settings["server.host"]?.source == "flag")
        #expect(settings["server.data_dir"]?.source == "flag")
        #expect(settings["server.port"]?.value == "9100" && settings["server.port"]?.source == "environment")
        #expect(settings["iracing.data_api_url"]?.value == "\"https://bot:****@members.example/data\"")
        #expect(settings["iracing.data_api_url"]?.source == "file")
        #expect(settings["log.level"]?.value == "\"info\"" && settings["log.level"]?.source == "default")
        #expect(settings.count == ConfigurationKey.all.count, "every key is printed once")
        for secret in ["hunter2", "discord-secret-value", "iracing-secret-value"] {
            #expect(!run.out.contains(secret) && !run.err.contains(secret), "\(secret) was printed")
        }
        #expect(run.out.contains("TRAILBRAKE_DISCORD_TOKEN: set"))
        #expect(run.out.contains("IRACING_PASSWORD: set"))
        #expect(run.out.contains("IRACING_USERNAME: not set"))
        #expect(run.out.contains("server.host 0.0.0.0") == false, "the flag won, so no warning about 0.0.0.0")
    }

    @Test func withoutAFileTheDefaultsAreValidAndAnUnsafeHostIsWarnedAbout() throws {
        let run = try TokenCommandTests.trailbrake(["config", "check", "--host", "0.0.0.0"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("configuration (built-in defaults): valid"))
        #expect(run.out.contains("server.host 0.0.0.0 is reachable from the network without TLS"))
    }

    @Test func anInvalidConfigurationFailsWithAStableCode() throws {
        let directory = try TokenCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.toml")
        try "[server]\nport = 70000\n".write(to: file, atomically: true, encoding: .utf8)
        let outOfRange = try TokenCommandTests.trailbrake(["config", "check", file.path])
        #expect(outOfRange.status != 0)
        #expect(outOfRange.err.contains("error [invalid_configuration]: "))
        #expect(outOfRange.err.contains("server.port"))

        try "[servr]\nport = 1\n".write(to: file, atomically: true, encoding: .utf8)
        let unknown = try TokenCommandTests.trailbrake(["config", "check", file.path])
        #expect(unknown.status != 0 && unknown.err.contains("error [invalid_configuration]: ") && unknown.err.contains("servr"))

        let badEnvironment = try TokenCommandTests.trailbrake(["config", "check"], environment: ["TRAILBRAKE_LOG_FORMAT": "xml"])
        #expect(badEnvironment.status != 0 && badEnvironment.err.contains("error [invalid_configuration]: 'TRAILBRAKE_LOG_FORMAT'"), "\(badEnvironment.err)")

        let missing = try TokenCommandTests.trailbrake(["config", "check", directory.appendingPathComponent("none.toml").path])
        #expect(missing.status != 0 && missing.err.contains("error [invalid_configuration]: "), "\(missing.err)")
    }
}
