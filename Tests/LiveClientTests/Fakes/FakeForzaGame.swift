import NIOCore
import SimTelemetry
import Synchronization

/// A Forza game with Data Out on (§3.1 of sim-telemetry-udp.md): it pushes dash datagrams one way
/// to the address and port set in its menu, at a steady pace, whether anyone listens or not.
final class FakeForzaGame: Sendable {
    struct Script: Sendable {
        var datagrams: [[UInt8]]
        var burst = 8
        var tick = TimeAmount.milliseconds(5)
    }

    let script: Script
    let next = Mutex(0)
    private let peer: FakeUDPPeer

    private init(script: Script, peer: FakeUDPPeer) {
        self.script = script
        self.peer = peer
    }

    /// Starts pushing to `127.0.0.1:port` from `host` (another loopback address plays another machine).
    static func start(_ script: Script, to port: Int, from host: String = "127.0.0.1") async throws -> FakeForzaGame {
        let peer = try await FakeUDPPeer.open(host: host) { _, _ in }
        let game = FakeForzaGame(script: script, peer: peer)
        let target = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        peer.every(script.tick) {
            let batch = game.next.withLock { next -> ArraySlice<[UInt8]> in
                let end = min(next + script.burst, script.datagrams.count)
                defer { next = end }
                return script.datagrams[next..<end]
            }
            for datagram in batch { peer.send(datagram, to: target) }
            return true
        }
        return game
    }

    var finished: Bool { next.withLock { $0 >= script.datagrams.count } }

    func stop() async { await peer.close() }
}
