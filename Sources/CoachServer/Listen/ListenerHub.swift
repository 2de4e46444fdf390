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
}
