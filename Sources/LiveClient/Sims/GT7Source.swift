import Foundation
import NIOCore
import SimTelemetry
import Telemetry

/// Gran Turismo 7 on a PS4/PS5 (§1 of sim-telemetry-udp.md): heartbeats to the console from the
/// socket bound to 33740, Salsa20-encrypted packets back, decoded and mapped by `GT7FrameMapper`.
/// Status lines for a silent console, pauses, lost packets and refused datagrams; a recorded
/// track path is stored for the next session on the same track.
public struct GT7Source: SimSource {
    public let options: GT7SourceOptions
    public var displayName: String { "Gran Turismo 7" }

    public init(options: GT7SourceOptions) {
        self.options = options
    }

    public func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        let console: SocketAddress
        do {
            console = try SocketAddress.makeAddressResolvingHost(options.console, port: options.consolePort)
        } catch {
            throw SimSourceError.unknownHost(options.console)
        }
        var session = options.session
        switch session.path == nil ? storedPath() : nil {
        case .success(let stored):
            session.path = stored.path
            session.trackLength = session.trackLength ?? stored.track.length
            await emit(.status(.note("track path from an earlier session (\(Int(stored.path.length.rounded())) m)")))
        case .failure(let error):
            await emit(.status(.note("the stored track path was refused (\(error)); recording a new one")))
        case nil: break
        }
        let endpoint: UDPEndpoint
        do {
            endpoint = try await UDPEndpoint.open(
                host: options.bindHost, port: options.bindPort, acceptFrom: console,
                quietInterval: TimeAmount.nanoseconds(Int64(options.receiveGap.seconds * 1e9)), queueLimit: options.queueLimit)
        } catch {
            throw SimSourceError.portInUse(options.bindPort, String(describing: error))
        }
        var loop = Loop(options: options, session: session, console: console, endpoint: endpoint)
        await emit(loop.relay.waiting("sending heartbeats to \(options.console):\(options.consolePort), waiting for GT7"))
        await withTaskCancellationHandler {
            loop.heartbeat(now: .now)
            for await input in endpoint.inputs {
                for event in loop.handle(input) { await emit(event) }
            }
        } onCancel: {
            endpoint.close()
        }
    }

    /// The path an earlier session stored for this track: nil when there is none.
    private func storedPath() -> Result<TrackPathFile, TrackPathFileError>? {
        guard let directory = options.pathDirectory else { return nil }
        let track = TrackDescriptor(name: options.session.trackName, configuration: options.session.trackConfiguration, length: 0)
        let url = directory.appendingPathComponent(TrackPathFile.fileName(sim: "gt7", track: track))
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return Result { () throws(TrackPathFileError) in try TrackPathFile.read(url) }
    }

    /// The adapter's state between datagrams (one task owns it).
    struct Loop {
        let options: GT7SourceOptions
        let console: SocketAddress
        let endpoint: UDPEndpoint
        var mapper: GT7FrameMapper
        var relay = SimUpdateRelay()
        var refused = RefusedDatagrams()
        var lastHeartbeat: ContinuousClock.Instant?
        var lastPacket: ContinuousClock.Instant?
        var silent = false
        var lastLossReport: ContinuousClock.Instant?
        var reportedLoss = (lost: 0, reordered: 0)

        init(options: GT7SourceOptions, session: GT7SessionConfiguration, console: SocketAddress, endpoint: UDPEndpoint) {
            self.options = options
            self.console = console
            self.endpoint = endpoint
            mapper = GT7FrameMapper(configuration: session)
        }

        mutating func heartbeat(now: ContinuousClock.Instant) {
            endpoint.send([options.variant.heartbeat], to: console)
            lastHeartbeat = now
        }

        mutating func handle(_ input: UDPInput) -> [SimEvent] {
            let now = ContinuousClock.now
            switch input {
            case .quiet(let seconds):
                heartbeat(now: now)
                // Loss counted since the last report goes out now the stream has paused.
                let loss = lossReport(now: now, force: true)
                guard !silent, seconds >= options.silenceTimeout.seconds else { return loss }
                silent = true
                return loss + [relay.waiting(
                    "console \(options.console) silent for \(Int(seconds)) s: is GT7 running and on track, on the same network, "
                        + "and UDP port \(options.bindPort) allowed in by this computer's firewall?")]
            case .datagram(let bytes, _):
                if lastHeartbeat.map({ now - $0 >= options.heartbeatInterval }) ?? true { heartbeat(now: now) }
                if let lastPacket, now - lastPacket >= options.silenceTimeout {
                    mapper.streamRestarted(afterSilence: (now - lastPacket).seconds)
                }
                lastPacket = now
                silent = false
                let packet: GT7Packet
                do {
                    packet = try GT7PacketCodec.decode(bytes)
                } catch {
                    return refused.count(error, now: now).map { [$0] } ?? []
                }
                var events = mapper.process(packet).flatMap { update -> [SimEvent] in
                    if case .pathRecorded(let path) = update { return store(path) }
                    return relay.events(for: update)
                }
                events += lossReport(now: now)
                return events
            }
        }

        /// Lost and reordered packets, when they changed, at most once a second (or `force`d).
        mutating func lossReport(now: ContinuousClock.Instant, force: Bool = false) -> [SimEvent] {
            let current = (lost: mapper.sequence.lost, reordered: mapper.sequence.reordered)
            guard current != reportedLoss, force || lastLossReport.map({ now - $0 >= .seconds(1) }) ?? true else { return [] }
            reportedLoss = current
            lastLossReport = now
            return [.status(.packetsLost(lost: current.lost, reordered: current.reordered))]
        }

        func store(_ path: TrackPath) -> [SimEvent] {
            guard let directory = options.pathDirectory else { return [] }
            let session = mapper.configuration
            let track = TrackDescriptor(
                name: session.trackName, configuration: session.trackConfiguration, length: session.trackLength ?? path.length)
            let url = directory.appendingPathComponent(TrackPathFile.fileName(sim: "gt7", track: track))
            do {
                try TrackPathFile(sim: "gt7", track: track, path: path).write(to: url)
                return [.status(.note("track path stored in \(url.path) for the next session"))]
            } catch {
                return [.status(.note("could not store the track path in \(url.path): \(error.localizedDescription)"))]
            }
        }
    }
}
