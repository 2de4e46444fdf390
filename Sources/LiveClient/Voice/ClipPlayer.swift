import Synchronization
import Telemetry
import WireClient

/// Plays voice clips one at a time through the player command, never overlapping, never one
/// whose deadline has passed.
///
/// Clips are matched to their cue by the cue id in the clip header (a late clip can arrive
/// after a later cue). The queue holds at most `queueLimit` clips; when full the oldest waiting
/// clip is dropped (it is the stalest advice). A clip whose cue is unknown is dropped too: its
/// deadline cannot be checked.
public final class ClipPlayer: Sendable {
    struct CueRecord: Sendable {
        let deadline: ClipDeadline?
        let hasDeadline: Bool
        let text: String
    }

    struct Queued: Sendable {
        let clip: ClipMessage
        let cue: CueRecord
    }

    public static let rememberedCues = 64

    private let player: PlayerProcess
    private let position: CarPosition
    /// A player still running this long after its clip's length is stopped.
    private let overrun: Duration
    private let say: @Sendable (String) -> Void
    private let cues = Mutex<(records: [UInt64: CueRecord], order: [UInt64])>(([:], []))
    private let queue: AsyncStream<Queued>
    private let enqueue: AsyncStream<Queued>.Continuation

    /// `say` gets a line for every clip not played, and why.
    public init(
        command: String, position: CarPosition, queueLimit: Int = 4, overrun: Duration = .seconds(10),
        say: @escaping @Sendable (String) -> Void
    ) {
        player = PlayerProcess(command: command)
        self.position = position
        self.overrun = overrun
        self.say = say
        (queue, enqueue) = AsyncStream.makeStream(of: Queued.self, bufferingPolicy: .bufferingNewest(max(queueLimit, 1)))
    }

    /// Feed it every event; it keeps cues and queues clips.
    public func handle(_ event: ClientEvent) {
        switch event {
        case .cue(let cue): remember(cue)
        case .clip(let clip): offer(clip)
        default: break
        }
    }

    func remember(_ cue: CueNotice) {
        let record = CueRecord(
            deadline: ClipDeadline(deadline: cue.deadline, carAtCue: position.current), hasDeadline: cue.deadline != nil, text: cue.text)
        cues.withLock { cues in
            if cues.records.updateValue(record, forKey: cue.id) == nil { cues.order.append(cue.id) }
            while cues.order.count > Self.rememberedCues { cues.records[cues.order.removeFirst()] = nil }
        }
    }

    func offer(_ clip: ClipMessage) {
        guard let record = cues.withLock({ $0.records[clip.header.cueID] }) else {
            return say("voice: dropped a clip for unknown cue \(clip.header.cueID)")
        }
        if case .dropped(let old) = enqueue.yield(Queued(clip: clip, cue: record)) {
            say("voice: dropped \"\(old.cue.text)\": too many clips waiting")
        }
    }

    /// Plays queued clips until cancelled (or `finish()`).
    public func run() async {
        for await item in queue {
            let duration = item.clip.header.duration
            if item.cue.hasDeadline {
                guard let deadline = item.cue.deadline else {
                    say("voice: skipped \"\(item.cue.text)\": the car's position is unknown, so its deadline cannot be checked")
                    continue
                }
                if let late = deadline.lateness(of: duration, carNow: position.current) {
                    say("voice: skipped \"\(item.cue.text)\": \(late)")
                    continue
                }
            }
            let limit = Duration.seconds(duration) + overrun
            if case .failed(let why) = await player.play(item.clip.opus, limit: limit) { say("voice: \(why)") }
        }
    }

    /// No more clips: `run` returns once the queue is empty.
    public func finish() { enqueue.finish() }
}
