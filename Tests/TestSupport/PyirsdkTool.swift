import Foundation

/// Runs `scripts/ibt_dump.py` with a Python that has pyirsdk: the virtual environment
/// `scripts/install-python-deps.sh` makes in `.build-py`, else `python3` on the PATH.
public enum PyirsdkTool {
    /// The interpreter to use, or nil (with why) when none has pyirsdk.
    public static let python: (url: URL?, reason: String) = {
        if let url = interpreter(importing: "irsdk") { return (url, "") }
        return (nil, "skipped: no python3 with pyirsdk (run scripts/install-python-deps.sh, as scripts/test.sh does)")
    }()

    /// The first python3 (the `.build-py` environment, then the PATH) that can import `module`.
    public static func interpreter(importing module: String) -> URL? {
        let venv = TestData.packageRoot.appendingPathComponent(".build-py/bin/python3")
        var candidates = [venv.path]
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/python3")
        }
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            if (try? run(URL(fileURLWithPath: path), ["-c", "import \(module)"])) != nil { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    /// Runs the interpreter and returns its standard output; throws when it exits non-zero.
    public static func run(_ python: URL, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would block the child forever.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PyirsdkToolError(message: String(decoding: message.suffix(2000), as: UTF8.self))
        }
        return data
    }
}

public struct PyirsdkToolError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "python failed: \(message)" }
}
