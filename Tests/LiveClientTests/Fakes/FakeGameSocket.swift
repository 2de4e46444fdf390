import NIOCore
import Synchronization

/// What every fake game keeps about its socket: the peer (set once it is bound, so the game's
/// own callbacks can reach it), its port, and a signal that the script has been played out.
final class FakeGameSocket: Sendable {
    let peer = Mutex<FakeUDPPeer?>(nil)
    /// Finishes once the game sent the last of its script.
    let done: AsyncStream<Void>
    private let doneSignal: AsyncStream<Void>.Continuation

    init() { (done, doneSignal) = AsyncStream.makeStream(of: Void.self) }

    var port: Int { peer.withLock { $0?.port ?? 0 } }

    func send(_ bytes: [UInt8], to address: SocketAddress) { peer.withLock { $0 }?.send(bytes, to: address) }

    func finishScript() { doneSignal.finish() }

    func close() async { await peer.withLock { $0 }?.close() }
}
