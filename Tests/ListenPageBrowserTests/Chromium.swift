import Foundation
import Synchronization

/// Debian's headless Chromium, started for one test with a fresh profile and its DevTools
/// socket on a free loopback port (read from the line Chromium prints on stderr).
final class Chromium: Sendable {
    /// `TRAILBRAKE_CHROMIUM`, else the first browser found where Debian and others install it.
    static let executable: String? = {
        let candidates = [ProcessInfo.processInfo.environment["TRAILBRAKE_CHROMIUM"]].compactMap { $0 }
            + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let devToolsURL: String
    private let process: Process
    private let profile: URL
    /// The end of Chromium's stderr, for a failure message.
    private let stderrTail: OutputTail

    private init(process: Process, profile: URL, devToolsURL: String, stderrTail: OutputTail) {
        self.process = process
        self.profile = profile
        self.devToolsURL = devToolsURL
        self.stderrTail = stderrTail
    }

    static func launch(timeout: Duration = .seconds(90)) async throws -> Chromium {
        guard let executable else { throw DevToolsClient.Failure(description: "chromium is not installed") }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--mute-audio",
            // The page must keep its timers and frames running while nobody looks at it.
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            // The DevTools client (swift-websocket) sends `Origin: ws://127.0.0.1`.
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--remote-allow-origins=ws://127.0.0.1", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let tail = OutputTail()
        let (urls, found) = AsyncStream.makeStream(of: String.self)
        // Chromium blocks when stderr fills, so it is read until the end; only the tail is kept.
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                found.finish()
                return
            }
            let text = tail.append(String(decoding: data, as: UTF8.self))
            if let range = text.range(of: #"ws://127\.0\.0\.1:[0-9]+/devtools/browser/[A-Za-z0-9-]+"#, options: .regularExpression) {
                found.yield(String(text[range]))
                found.finish()
            }
        }
        try process.run()
        let url = try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                var iterator = urls.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let url else {
            process.terminate()
            throw DevToolsClient.Failure(description: "chromium printed no DevTools address: \(tail.text)")
        }
        return Chromium(process: process, profile: profile, devToolsURL: url, stderrTail: tail)
    }

    /// Stops the browser and deletes its profile.
    func terminate() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
    }

    var diagnostics: String { stderrTail.text }
}

/// The last few kilobytes a process wrote.
final class OutputTail: Sendable {
    private let buffer = Mutex("")

    /// Appends and returns the tail so far.
    func append(_ text: String) -> String {
        buffer.withLock { tail in
            tail += text
            if tail.utf8.count > 16_384 { tail = String(tail.suffix(8_192)) }
            return tail
        }
    }

    var text: String { buffer.withLock { $0 } }
}
