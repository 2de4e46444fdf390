import ServerSettings
import Synchronization

/// Every driver's `DriverMirror`, so that a listener and the driver's sessions meet however
/// many sessions the driver starts: a listener attaches to the driver, not to a session.
///
/// A mirror is made the first time a driver streams or is listened to and kept for the life
/// of the server (a lock, a dictionary and a few references: well under a kilobyte per driver).
final class ListenerHub: Sendable {
    private let mirrors = Mutex<[Int64: DriverMirror]>([:])
    private let maximumListenersPerDriver: Int
    let metrics: ListenMetrics

    init(configuration: ServerConfiguration.Listen, metrics: ServerMetrics) {
        maximumListenersPerDriver = configuration.maxListenersPerDriver
        self.metrics = ListenMetrics(metrics: metrics)
    }

    func mirror(for driverID: Int64) -> DriverMirror {
        mirrors.withLock { mirrors in
            if let mirror = mirrors[driverID] { return mirror }
            let mirror = DriverMirror(driverID: driverID, maximumListeners: maximumListenersPerDriver, metrics: metrics)
            mirrors[driverID] = mirror
            return mirror
        }
    }

    /// The credentials every attached listener was admitted with (`ListenerCredentialCheck`).
    var credentialsInUse: Set<ListenCredential> {
        allMirrors.reduce(into: []) { $0.formUnion($1.credentials) }
    }

    /// Closes every listener, of any driver, admitted with one of `credentials`; returns how many.
    @discardableResult
    func closeListeners(admittedWith credentials: Set<ListenCredential>, ending: ListenCredential.Ending) -> Int {
        guard !credentials.isEmpty else { return 0 }
        return allMirrors.reduce(0) { $0 + $1.close(admittedWith: credentials, ending: ending) }
    }

    private var allMirrors: [DriverMirror] { mirrors.withLock { Array($0.values) } }
}
