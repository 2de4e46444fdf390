import Synchronization
import Telemetry

/// Every open WebSocket connection, counted in total and per driver so the upgrade can be
/// refused beyond `live.max_connections` (503 `server_busy`) and
/// `live.max_connections_per_driver` (429 `too_many_connections`); and reachable by driver, so
/// all of one driver's sockets can be closed at once (e.g. when their token is revoked).
final class LiveConnectionTable: Sendable {
    struct Limits: Sendable {
        var total: Int
        var perDriver: Int
    }

    /// A place held from the upgrade decision until the channel closes.
    struct Reservation: Sendable, Hashable {
        fileprivate let id: UInt64
        let driverID: Int64
    }

    private struct State {
        var nextID: UInt64 = 0
        var total = 0
        var perDriver: [Int64: Int] = [:]
        var sockets: [UInt64: (driverID: Int64, socket: SocketSender)] = [:]
    }

    let limits: Limits
    private let state = Mutex(State())

    init(limits: Limits) {
        self.limits = limits
    }

    /// Open connections now (upgraded or being upgraded).
    var count: Int { state.withLock { $0.total } }

    /// Holds a place for a connection of `driverID`, or says why not.
    func reserve(driverID: Int64) -> Result<Reservation, APIError> {
        state.withLock { state in
            guard state.total < limits.total else {
                return .failure(APIError(.serverBusy, "the server has its maximum of \(limits.total) connections; try again later"))
            }
            guard state.perDriver[driverID, default: 0] < limits.perDriver else {
                return .failure(APIError(
                    .tooManyConnections, "this driver already has \(limits.perDriver) connections open"))
            }
            state.nextID += 1
            state.total += 1
            state.perDriver[driverID, default: 0] += 1
            return .success(Reservation(id: state.nextID, driverID: driverID))
        }
    }

    /// The upgrade succeeded: the socket can now be reached through `close(driverID:with:)`.
    func attach(_ socket: SocketSender, to reservation: Reservation) {
        state.withLock { $0.sockets[reservation.id] = (reservation.driverID, socket) }
    }

    /// The connection has closed (call exactly once per reservation).
    func release(_ reservation: Reservation) {
        state.withLock { state in
            state.sockets[reservation.id] = nil
            state.total -= 1
            let remaining = state.perDriver[reservation.driverID, default: 0] - 1
            state.perDriver[reservation.driverID] = remaining > 0 ? remaining : nil
        }
    }

    /// Sends `error` to every socket of the driver and closes them (with its close code, 1008
    /// when it has none); returns how many. Their sessions stay resumable, as after any close
    /// by the server.
    @discardableResult
    func close(driverID: Int64, with error: WireError) -> Int {
        let sockets = state.withLock { $0.sockets.values.filter { $0.driverID == driverID }.map(\.socket) }
        for socket in sockets {
            socket.send(ServerMessage.error(error).outboundMessage(using: ServerMessage.makeEncoder()))
            socket.close(error.code.webSocketCloseCode ?? .policyViolation, reason: error.code.rawValue)
        }
        return sockets.count
    }
}
