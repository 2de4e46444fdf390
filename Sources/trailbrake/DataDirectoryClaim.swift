import CoachServer
import Foundation
import ServerSettings
import Storage

/// `serve`'s claim on its data directory (`DataDirectoryLock`), reported as every command
/// reports a failure.
enum DataDirectoryClaim {
    /// Creates the data directory and locks it for the life of the process; a second server on
    /// the same directory stops here with `error [data_dir_in_use]`.
    static func lock(_ configuration: ServerConfiguration) throws -> DataDirectoryLock {
        let directory = configuration.server.dataDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            return try DataDirectoryLock(dataDirectory: directory)
        } catch .serverRunning {
            throw commandFailure("data_dir_in_use", "another Trailbrake server is using \(directory)")
        } catch {
            throw commandFailure(error.code, error.description)
        }
    }
}
