import NIOCore
import SimTelemetry

/// Assetto Corsa's UDP remote telemetry (§2 of sim-telemetry-udp.md): handshake, subscribe, car
/// updates, all on one socket (AC answers the address and port that handshook). When updates
/// stop for `resubscribeAfter` the handshake is sent again (a restarted game or a new session
/// forgets its listeners); a handshake naming another car or track starts a new session.
/// DISMISS is sent when the client stops.
public struct AssettoCorsaSource: SimSource {
    public struct Options: Sendable {
        /// The PC running AC, and its port 9996.
        public var host: String
        public var port: Int
        /// Local address; port 0 takes any free port.
        public var bindHost: String
        public var bindPort: Int
        public var mapper: ACFrameMapper.Configuration
        /// Silence after which the handshake and subscription are sent again (and again).
        public var resubscribeAfter: Duration
        /// Silence after which the status says AC is not answering.
        public var silenceTimeout: Duration
        /// Datagrams held while the adapter is behind (AC sends hundreds a second).
        public var queueLimit: Int

        public init(
            host: String, mapper: ACFrameMapper.Configuration, port: Int = ACHandshake.serverPort, bindHost: String = "0.0.0.0",
            bindPort: Int = 0, resubscribeAfter: Duration = .seconds(1), silenceTimeout: Duration = .seconds(10), queueLimit: Int = 2_000
        ) {
            self.host = host
            self.port = port
            self.bindHost = bindHost
            self.bindPort = bindPort
            self.mapper = mapper
            self.resubscribeAfter = resubscribeAfter
            self.silenceTimeout = silenceTimeout
            self.queueLimit = queueLimit
        }
    }

    public let options: Options
    public var displayName: String { "Assetto Corsa" }

    public init(options: Options) {
        self.options = options
    }

    public func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        let game: SocketAddress
        do {
            game = try SocketAddress.makeAddressResolvingHost(options.host, port: options.port)
        } catch {
            throw SimSourceError.unknownHost(options.host)
        }
        let endpoint: UDPEndpoint
        do {
            endpoint = try await UDPEndpoint.open(
                host: options.bindHost, port: options.bindPort, acceptFrom: game,
                quietInterval: .nanoseconds(Int64(options.resubscribeAfter.seconds * 1e9)), queueLimit: options.queueLimit)
        } catch {
            throw SimSourceError.portInUse(options.bindPort, String(describing: error))
        }
        var relay = SimUpdateRelay()
        var refused = RefusedDatagrams()
        var mapper: ACFrameMapper?
        var silent = false
        await emit(relay.waiting("handshaking with Assetto Corsa at \(options.host):\(options.port)"))
        endpoint.send(ACHandshake(operation: .handshake).bytes, to: game)
        await withTaskCancellationHandler {
            for await input in endpoint.inputs {
                let now = ContinuousClock.now
                switch input {
                case .quiet(let seconds):
                    endpoint.send(ACHandshake(operation: .handshake).bytes, to: game)
                    if !silent, seconds >= options.silenceTimeout.seconds {
                        silent = true
                        await emit(relay.waiting(
                            "Assetto Corsa at \(options.host):\(options.port) silent for \(Int(seconds)) s: is a session loaded (on track), "
                                + "and UDP 9996 allowed in by the game PC's firewall?"))
                    }
                case .datagram(let bytes, _):
                    silent = false
                    switch bytes.count {
                    case ACHandshakeResponse.length:
                        do throws(DatagramError) {
                            let reply = try ACHandshakeResponse.decode(bytes)
                            if mapper?.handshake != reply {
                                mapper = ACFrameMapper(configuration: options.mapper, handshake: reply)
                                await emit(.status(.note("Assetto Corsa: \(reply.driverName) in \(reply.carName) at \(reply.trackName) \(reply.trackConfig)")))
                            }
                            endpoint.send(ACHandshake(operation: .subscribeUpdate).bytes, to: game)
                        } catch {
                            if let event = refused.count(error, now: now) { await emit(event) }
                        }
                    default:
                        do throws(DatagramError) {
                            let info = try ACCarInfo.decode(bytes)
                            guard var current = mapper else { continue }  // updates before our handshake's reply
                            let updates = current.process(info)
                            mapper = current
                            for update in updates { for event in relay.events(for: update) { await emit(event) } }
                        } catch {
                            if let event = refused.count(error, now: now) { await emit(event) }
                        }
                    }
                }
            }
        } onCancel: {
            // Queued on the socket's event loop before the close, so it goes out first.
            endpoint.send(ACHandshake(operation: .dismiss).bytes, to: game)
            endpoint.close()
        }
    }
}
