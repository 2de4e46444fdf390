import NIOCore
import SimTelemetry
import Synchronization

/// A PlayStation running GT7, as far as the client can tell (§1.2 of sim-telemetry-udp.md): it
/// sends nothing until a one-byte heartbeat arrives on its heartbeat port, then streams encrypted
/// packets (a new nonce seed each) to the heartbeat's address, and stops streaming when
/// heartbeats stop for `heartbeatTimeout`. Faults on cue: a silent spell, dropped packets, junk
/// datagrams. It runs faster than 60 Hz (`burst` packets per `tick`) so a test replays laps in
/// seconds; the client times packets by their ids, not by their arrival.
final class FakeGT7Console: Sendable {
    struct Script: Sendable {
        var packets: [GT7Packet]
        var burst = 8
        var tick = TimeAmount.milliseconds(5)
        var heartbeatTimeout = TimeAmount.seconds(10)
        /// Before sending packet `index`, go quiet for `seconds` (heartbeats are still heard). The
        /// game runs on meanwhile: the packets of those seconds at 60 Hz never arrive, as when the
        /// network between console and client drops out.
        var silence: (index: Int, seconds: Double)?
        var dropped: Set<Int> = []
        /// Junk datagrams sent just before packet `index`.
        var junkBefore: [Int: [UInt8]] = [:]
        /// Loopback address the console listens on.
        var host = "127.0.0.1"
    }

    struct State {
        var next = 0
        var target: SocketAddress?
        var lastHeartbeat: NIODeadline?
        var heartbeats: [(NIODeadline, UInt8)] = []
        var silentUntil: NIODeadline?
        var silenceDone = false
        var silenceStarted: NIODeadline?
        var stoppedForLackOfHeartbeats = 0
        var sent = 0
    }

    let script: Script
    let state = Mutex(State())
    private let socket = FakeGameSocket()
    var port: Int { socket.port }
    /// Finishes once the last packet was sent.
    var done: AsyncStream<Void> { socket.done }

    private init(script: Script) { self.script = script }

    static func start(_ script: Script) async throws -> FakeGT7Console {
        let console = FakeGT7Console(script: script)
        let peer = try await FakeUDPPeer.open(host: script.host) { bytes, sender in console.heard(bytes, from: sender) }
        console.socket.peer.withLock { $0 = peer }
        peer.every(script.tick) { console.tick() }
        return console
    }

    func stop() async { await socket.close() }

    /// Where the client's heartbeats come from (and packets go), once heard.
    var clientAddress: SocketAddress? { state.withLock { $0.target } }

    /// Heartbeats heard while the console was deliberately silent.
    var heartbeatsDuringSilence: Int {
        state.withLock { state in
            guard let start = state.silenceStarted, let end = state.silentUntil else { return 0 }
            return state.heartbeats.filter { $0.0 >= start && $0.0 <= end }.count
        }
    }

    private func heard(_ bytes: [UInt8], from sender: SocketAddress) {
        guard bytes.count == 1, GT7PacketVariant.allCases.contains(where: { $0.heartbeat == bytes[0] }) else { return }
        state.withLock { state in
            state.lastHeartbeat = .now()
            state.heartbeats.append((.now(), bytes[0]))
            state.target = sender  // streams to the address the heartbeat came from
        }
    }

    /// One timer tick: sends the next burst, or nothing while silent or unheard.
    private func tick() -> Bool {
        let now = NIODeadline.now()
        let (batch, target): ([Int], SocketAddress?) = state.withLock { state in
            guard let target = state.target, let last = state.lastHeartbeat else { return ([], nil) }
            if now - last > script.heartbeatTimeout {
                state.target = nil
                state.stoppedForLackOfHeartbeats += 1
                return ([], nil)
            }
            if let until = state.silentUntil, now < until { return ([], nil) }
            var batch: [Int] = []
            while batch.count < script.burst, state.next < script.packets.count {
                if let silence = script.silence, silence.index == state.next, !state.silenceDone {
                    state.silenceDone = true
                    state.silenceStarted = now
                    state.silentUntil = now + .nanoseconds(Int64(silence.seconds * 1e9))
                    state.next += Int(silence.seconds * 60)
                    break
                }
                batch.append(state.next)
                state.next += 1
            }
            state.sent += batch.count
            return (batch, target)
        }
        if batch.last == script.packets.count - 1 { socket.finishScript() }
        guard let target else { return true }
        for index in batch {
            if let junk = script.junkBefore[index] { socket.send(junk, to: target) }
            guard !script.dropped.contains(index) else { continue }
            socket.send(try! GT7PacketCodec.encode(script.packets[index], seed: UInt32.random(in: 0...UInt32.max)), to: target)
        }
        return true
    }
}
