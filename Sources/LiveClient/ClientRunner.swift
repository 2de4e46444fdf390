import Foundation
import Synchronization

/// One run of the client as a command runs it: the streamer, the status display, and the clip
/// player when a player command was given; Ctrl-C (SIGINT/SIGTERM) ends the source and lets
/// what it produced be delivered and the session closed with 1000, a second one exits at once.
public struct ClientRunner: Sendable {
    public let settings: StreamerSettings
    public let simName: String
    public let playCommand: String?
    public let display: StatusDisplay

    public init(settings: StreamerSettings, simName: String, playCommand: String?, display: StatusDisplay) {
        var settings = settings
        if playCommand != nil { settings.voice = true }
        self.settings = settings
        self.simName = simName
        self.playCommand = playCommand
        self.display = display
    }

    /// Runs until the source ends and its frames are delivered, or the server refuses the client.
    /// `extra` sees every event too (tests).
    public func run(
        _ source: some SimSource, handleSignals: Bool = false, extra: @escaping @Sendable (ClientEvent) -> Void = { _ in }
    ) async throws {
        let display = self.display
        let player: ClipPlayer?
        let streamer: Streamer
        if let playCommand {
            let position = CarPosition()
            let clipPlayer = ClipPlayer(command: playCommand, position: position) { display.say($0) }
            player = clipPlayer
            streamer = Streamer(settings: settings, simName: simName, position: position) { event in
                display.show(event)
                clipPlayer.handle(event)
                extra(event)
            }
        } else {
            player = nil
            streamer = Streamer(settings: settings, simName: simName) { event in
                display.show(event)
                extra(event)
            }
        }
        #if os(Windows)
        // Ctrl-C ends the process at once; the server keeps the session resumable, then stores it.
        let signals: InterruptHandler? = nil
        #else
        let signals = handleSignals ? InterruptHandler { await streamer.stop() } : nil
        #endif
        defer { signals?.cancel() }
        let playing = Task { await player?.run() }
        defer {
            player?.finish()
            playing.cancel()
            display.finish()
        }
        try await streamer.run(source)
        player?.finish()
        await playing.value
    }
}

/// SIGINT/SIGTERM: the first asks the run to end cleanly, the second exits at once.
final class InterruptHandler: Sendable {
    #if !os(Windows)
    private let sources: Mutex<[any DispatchSourceSignal]>

    init(_ stop: @escaping @Sendable () async -> Void) {
        let count = AtomicCounter()
        sources = Mutex([SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if count.increment() > 1 { exit(130) }
                Task { await stop() }
            }
            source.resume()
            return source
        })
    }

    #endif

    func cancel() {
        #if !os(Windows)
        sources.withLock { for source in $0 { source.cancel() } }
        #endif
    }
}

/// A counter shared with a signal handler.
private final class AtomicCounter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
