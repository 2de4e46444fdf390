import Foundation
import Testing
import TestSupport

/// Where Debian installs `systemd-analyze`, nil when it is absent.
let systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// `deploy/systemd/trailbrake.service`, checked by systemd itself: `systemd-analyze verify`
/// accepts it without a warning, and `systemd-analyze security` rates its sandbox as tight.
@Suite(.enabled(if: systemdAnalyze != nil, "skipped: systemd-analyze is not installed (Debian package systemd)"))
struct SystemdUnitTests {
    static let unit = TestData.packageRoot.appendingPathComponent("deploy/systemd/trailbrake.service")

    static func analyze(_ arguments: [String]) throws -> ToolProcess.Result {
        try ToolProcess.run(try #require(systemdAnalyze), arguments)
    }

    /// The unit in a fresh directory, its `ExecStart` binary swapped for one that exists here
    /// (verify checks that the command is executable), optionally edited further.
    static func installedCopy(editing edit: (String) -> String = { $0 }) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = EndToEndServerProcess.executable?.path ?? "/bin/true"
        let text = try String(contentsOf: unit, encoding: .utf8).replacingOccurrences(of: "/usr/local/bin/trailbrake", with: binary)
        let copy = directory.appendingPathComponent("trailbrake.service")
        try edit(text).write(to: copy, atomically: true, encoding: .utf8)
        return copy
    }

    /// `Key=value` lines of the unit, every value of a repeated key in order.
    static func settings() throws -> [String: [String]] {
        var settings: [String: [String]] = [:]
        for line in try String(contentsOf: unit, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return settings
    }

    @Test func verifyAcceptsTheUnitWithoutAWarning() throws {
        let copy = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let run = try Self.analyze(["verify", copy.path])
        #expect(run.status == 0)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "systemd-analyze verify: \(run.output)")

        // The check is live: a misspelt sandbox directive is reported.
        let broken = try Self.installedCopy { $0.replacingOccurrences(of: "ProtectSystem=strict", with: "ProtectSystm=strict") }
        defer { try? FileManager.default.removeItem(at: broken.deletingLastPathComponent()) }
        #expect(try Self.analyze(["verify", broken.path]).output.contains("Unknown key 'ProtectSystm'"))
    }

    @Test func theSandboxLeavesOnlyTheDataDirectoryWritable() throws {
        let settings = try Self.settings()
        #expect(settings["User"] == ["trailbrake"] && settings["Group"] == ["trailbrake"])
        #expect(settings["NoNewPrivileges"] == ["yes"])
        #expect(settings["ProtectSystem"] == ["strict"])
        #expect(settings["ReadWritePaths"] == ["/var/lib/trailbrake"])
        #expect(settings["StateDirectory"] == ["trailbrake"])
        #expect(settings["ProtectHome"] == ["yes"] && settings["PrivateTmp"] == ["yes"])
        #expect(settings["CapabilityBoundingSet"] == [""], "no capabilities at all")

        // systemd's own rating, 0 (tight) to 10 (none): at most 2.0.
        let copy = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let rating = try Self.analyze(["security", "--offline=true", "--threshold=20", copy.path])
        #expect(rating.status == 0, "exposure above 2.0: \(rating.output.split(separator: "\n").suffix(3))")
    }
}
