import NIOCore
import SimTelemetry
import Synchronization

/// Assetto Corsa's remote telemetry server as the client meets it (§2.2 of sim-telemetry-udp.md):
/// answers a handshake with the 408-byte reply to the sender's address and port, pushes RTCarInfo
/// to each subscriber, forgets a subscriber on DISMISS. `forgetListenersAt` plays a restarted
/// session: the listener list is emptied and updates stop until the client subscribes again.
final class FakeACGame: Sendable {
    struct Script: Sendable {
        var reply: ACHandshakeResponse
        var infos: [ACCarInfo]
        var burst = 8
        var tick = TimeAmount.milliseconds(5)
        var forgetListenersAt: Int?
    }

    struct State {
        var next = 0
        var subscribers: [SocketAddress] = []
        var operations: [ACHandshake.Operation] = []
        var forgot = false
    }

    let script: Script
    let state = Mutex(State())
    private let socket = FakeGameSocket()
    var port: Int { socket.port }
    /// Finishes once the last update was sent.
    var done: AsyncStream<Void> { socket.done }

    private init(script: Script) { self.script = script }

    static func start(_ script: Script) async throws -> FakeACGame {
        let game = FakeACGame(script: script)
        let peer = try await FakeUDPPeer.open { bytes, sender in game.heard(bytes, from: sender) }
        game.socket.peer.withLock { $0 = peer }
        peer.every(script.tick) { game.tick() }
        return game
    }

    func stop() async { await socket.close() }

    private func heard(_ bytes: [UInt8], from sender: SocketAddress) {
        guard let request = try? ACHandshake.decode(bytes) else { return }
        state.withLock { state in
            state.operations.append(request.operation)
            switch request.operation {
            case .handshake: break
            case .subscribeUpdate: if !state.subscribers.contains(sender) { state.subscribers.append(sender) }
            case .subscribeSpot: break
            case .dismiss: state.subscribers.removeAll { $0 == sender }
            }
        }
        if request.operation == .handshake { socket.send(script.reply.bytes, to: sender) }
    }

    private func tick() -> Bool {
        let (batch, targets): ([ACCarInfo], [SocketAddress]) = state.withLock { state in
            guard !state.subscribers.isEmpty else { return ([], []) }
            if let forget = script.forgetListenersAt, state.next >= forget, !state.forgot {
                state.forgot = true
                state.subscribers = []
                return ([], [])
            }
            let end = min(state.next + script.burst, script.infos.count)
            defer { state.next = end }
            return (Array(script.infos[state.next..<end]), state.subscribers)
        }
        for info in batch { for target in targets { socket.send(info.bytes, to: target) } }
        if !batch.isEmpty, state.withLock({ $0.next >= script.infos.count }) { socket.finishScript() }
        return true
    }
}
