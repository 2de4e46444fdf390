import ArgumentParser
import Foundation

/// Prints `error [code]: message` on standard error, as every command reports a failure, and
/// returns the failure exit code to throw.
func commandFailure(_ code: String, _ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error [\(code)]: \(message)\n".utf8))
    return ExitCode.failure
}
