import CoachServer
import Logging

/// The real implementations of the server's seams, opened from the configuration.
///
/// Storage (DriverRepository, sessions and laps) and Coaching (the live coach) are built on
/// other branches; until the lead merges them, opening the backend fails with a clear message
/// instead of running a server that cannot store anything.
struct Backend {
    var dependencies: CoachServerDependencies
    var admin: any DriverAdmin

    static func open(_ configuration: ServerConfiguration, logger: Logger) async throws -> Backend {
        throw BackendError.notIntegrated(dataDirectory: configuration.server.dataDirectory)
    }
}

enum BackendError: Error, CustomStringConvertible {
    case notIntegrated(dataDirectory: String)

    var description: String {
        switch self {
        case .notIntegrated:
            "this build has no storage backend wired yet (Storage and Coaching adapters are integrated by the lead)"
        }
    }
}
