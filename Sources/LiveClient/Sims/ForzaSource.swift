import NIOCore
import SimTelemetry

/// Forza "Data Out" (§3 of sim-telemetry-udp.md): the game pushes dash packets to the IP and
/// port set in its menu; this adapter only listens. Sled packets (232 bytes) are refused with a
/// status line saying to pick the Dash format.
public struct ForzaSource: SimSource {
    public struct Options: Sendable {
        /// The port set in the game's "Data Out IP Port" (any free port; FH6: not 5200-5300).
        public var port: Int
        public var bindHost: String
        /// Only packets from this host are taken (nil: any sender, the game's IP being unknown).
        public var from: String?
        public var mapper: ForzaFrameMapper.Configuration
        public var silenceTimeout: Duration
        public var queueLimit: Int

        public init(
            port: Int = 5555, mapper: ForzaFrameMapper.Configuration, bindHost: String = "0.0.0.0", from: String? = nil,
            silenceTimeout: Duration = .seconds(10), queueLimit: Int = 600
        ) {
            self.port = port
            self.bindHost = bindHost
            self.from = from
            self.mapper = mapper
            self.silenceTimeout = silenceTimeout
            self.queueLimit = queueLimit
        }
    }

    public let options: Options
    public var displayName: String { "Forza" }

    public init(options: Options) {
        self.options = options
    }

    public func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        var sender: SocketAddress?
        if let from = options.from {
            do {
                sender = try SocketAddress.makeAddressResolvingHost(from, port: 0)
            } catch {
                throw SimSourceError.unknownHost(from)
            }
        }
        let endpoint: UDPEndpoint
        do {
            endpoint = try await UDPEndpoint.open(
                host: options.bindHost, port: options.port, acceptFrom: sender,
                quietInterval: .nanoseconds(Int64(options.silenceTimeout.seconds * 1e9)), queueLimit: options.queueLimit)
        } catch {
            throw SimSourceError.portInUse(options.port, String(describing: error))
        }
        var relay = SimUpdateRelay()
        var refused = RefusedDatagrams()
        var mapper = ForzaFrameMapper(configuration: options.mapper)
        await emit(relay.waiting("listening for Forza Data Out on UDP port \(endpoint.localPort ?? options.port)"))
        await withTaskCancellationHandler {
            for await input in endpoint.inputs {
                switch input {
                case .quiet(let seconds):
                    guard relay.streaming || seconds < options.silenceTimeout.seconds * 1.5 else { continue }
                    await emit(relay.waiting(
                        "no Forza packets for \(Int(seconds)) s on UDP port \(endpoint.localPort ?? options.port): is Data Out on, "
                            + "with this computer's IP and this port, and the port allowed in by its firewall?"))
                case .datagram(let bytes, _):
                    do throws(DatagramError) {
                        let packet = try ForzaDashPacket.decode(bytes)
                        for update in mapper.process(packet) { for event in relay.events(for: update) { await emit(event) } }
                    } catch {
                        if let event = refused.count(error, now: .now) { await emit(event) }
                    }
                }
            }
        } onCancel: {
            endpoint.close()
        }
    }
}
