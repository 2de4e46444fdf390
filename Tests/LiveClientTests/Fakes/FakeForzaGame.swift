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
    /// Finishes once the last datagram was sent.
    let done: AsyncStream<Void>
    private let doneSignal: AsyncStream<Void>.Continuation
    private let peer: FakeUDPPeer

    private init(script: Script, peer: FakeUDPPeer) {
        self.script = script
        self.peer = peer
        (done, doneSignal) = AsyncStream.makeStream(of: Void.self)
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
            if batch.endIndex == script.datagrams.count { game.doneSignal.finish() }
            return batch.endIndex < script.datagrams.count
        }
        return game
    }

    func stop() async { await peer.close() }
}
