import Foundation

/// The reference Ogg Opus tools (`opusinfo`, `opusdec` from opus-tools), run as a decoder
/// independent of the code under test.
public enum OpusTools {
    /// Absolute path of `name` on PATH, or nil when opus-tools is not installed.
    public static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var available: Bool { locate("opusinfo") != nil && locate("opusdec") != nil }

    /// What `opusinfo` says about a file.
    public struct Info {
        public var channels: Int?
        public var originalSampleRate: Int?
        public var preSkip: Int?
        public var playbackSeconds: Double?
        public var report: String
    }

    /// Writes `bytes` to a temporary file, then runs `opusinfo` and `opusdec --rate 48000` on it.
    public static func inspect(_ bytes: [UInt8]) throws -> (info: Info, decoded: [Int16]) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("voice-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let opus = directory.appendingPathComponent("clip.opus")
        let wav = directory.appendingPathComponent("clip.wav")
        try Data(bytes).write(to: opus)

        let report = try run("opusinfo", [opus.path])
        _ = try run("opusdec", ["--quiet", "--rate", "48000", opus.path, wav.path])
        let samples = try WAVReader.monoSamples(Data(contentsOf: wav))
        return (parse(report), samples)
    }

    public static func parse(_ report: String) -> Info {
        var info = Info(report: report)
        for rawLine in report.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let value = line.value(after: "Channels:") {
                info.channels = Int(value)
            } else if let value = line.value(after: "Original sample rate:") {
                info.originalSampleRate = Int(value.replacingOccurrences(of: "Hz", with: "").trimmingCharacters(in: .whitespaces))
            } else if let value = line.value(after: "Pre-skip:") {
                info.preSkip = Int(value)
            } else if let value = line.value(after: "Playback length:") {
                // Format: "0m:01.000s"
                let parts = value.replacingOccurrences(of: "s", with: "").split(separator: "m:")
                if parts.count == 2, let minutes = Double(parts[0]), let seconds = Double(parts[1]) {
                    info.playbackSeconds = minutes * 60 + seconds
                }
            }
        }
        return info
    }

    public struct ToolFailed: Error, CustomStringConvertible {
        public var description: String
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard let executable = locate(tool) else { throw ToolFailed(description: "\(tool) not found") }
        let result = try ToolProcess.run(executable, arguments)
        let text = result.output
        guard result.status == 0 else {
            throw ToolFailed(description: "\(tool) exited \(result.status): \(text)")
        }
        return text
    }
}

private extension String {
    func value(after label: String) -> String? {
        guard hasPrefix(label) else { return nil }
        return String(dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
    }
}
