import Foundation

/// Runs a command-line tool to its end and returns its exit status with stdout and stderr
/// together (the tests that check files with outside tools: systemd-analyze, hadolint, ldd...).
public enum ToolProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
