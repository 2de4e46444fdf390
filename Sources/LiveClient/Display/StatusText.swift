import Telemetry
import WireClient

/// The words the driver reads: the status line and one line per event (docs/client.md lists
/// them). Pure formatting, so tests can hold the exact text.
public enum StatusText {
    public static func line(_ status: StreamStatus) -> String {
        var parts = [link(status.link)]
        parts.append("\(status.simName)\(status.sim.map { " " + sim($0) } ?? "")")
        if let session = status.session {
            let layout = session.track.configuration.isEmpty ? "" : " \(session.track.configuration)"
            parts.append("\(session.track.name)\(layout)")
        }
        if let lap = status.lap { parts.append("lap \(lap)") }
        if let delta = status.delta { parts.append("delta " + signed(delta) + " s") }
        if let latency = status.latency { parts.append("latency \(milliseconds(latency)) ms") }
        parts.append("buffered \(status.bufferedFrames)")
        if status.droppedFrames > 0 { parts.append("dropped \(status.droppedFrames)") }
        if status.refusedFrames > 0 { parts.append("refused \(status.refusedFrames)") }
        if status.unconfirmedFrames > 0 { parts.append("unconfirmed \(status.unconfirmedFrames)") }
        if let silent = status.sourceSilentFor { parts.append("sim silent \(seconds(silent)) s") }
        return parts.joined(separator: " | ")
    }

    public static func link(_ link: StreamStatus.Link) -> String {
        switch link {
        case .waitingForSim: "waiting for the sim"
        case .connecting(let attempt): attempt > 1 ? "connecting (attempt \(attempt))" : "connecting"
        case .streaming(let resumed): resumed ? "streaming (resumed)" : "streaming"
        case .retrying(let reason): "reconnecting (\(reason))"
        case .refused(let reason): "stopped: \(reason)"
        case .finished: "finished"
        }
    }

    public static func sim(_ status: SimStatus) -> String {
        switch status {
        case .waiting(let why): "waiting: \(why)"
        case .streaming: "running"
        case .paused(let why): "paused: \(why)"
        case .packetsLost(let lost, let reordered): "running, \(lost) packets lost, \(reordered) reordered"
        case .note(let text): text
        }
    }

    /// The line printed for an event; nil for events that only feed the status line or the player.
    public static func event(_ event: ClientEvent) -> String? {
        switch event {
        case .sessionStarted(let session):
            let layout = session.track.configuration.isEmpty ? "" : " \(session.track.configuration)"
            return "session: \(session.sim), \(session.track.name)\(layout) (\(Int(session.track.length.rounded())) m), "
                + "\(session.car.isEmpty ? "unknown car" : session.car), \(session.sessionType)"
        case .sim(let status): return "sim: \(sim(status))"
        case .connecting(let endpoint, let attempt): return "connecting to \(endpoint)" + (attempt > 1 ? " (attempt \(attempt))" : "")
        case .connected(let session, let resumed, let resent, let reference):
            let how = resumed ? "resumed session \(session), \(resent) batches sent again" : "new session \(session)"
            return "connected: \(how); reference: \(reference)"
        case .disconnected(let reason, let retryIn, let buffered):
            return "connection lost: \(reason); retrying in \(seconds(retryIn)) s; \(buffered) frames buffered"
        case .refused(let reason): return "stopped: \(reason)"
        case .sessionEnded(let session): return "session \(session) ended: every frame acknowledged"
        case .unconfirmed(let frames):
            return "the server lost the session (restarted?): \(frames) frames it never acknowledged are not sent again, so none is counted twice"
        case .bufferFull(let capacity):
            return "buffer full (\(capacity) frames): dropping the oldest frames until the server takes them again"
        case .bufferRecovered(let dropped): return "buffer has room again; \(dropped) frames were dropped while it was full"
        case .frameRefused(let reason): return "frame not sent: \(reason) (further ones are counted on the status line)"
        case .sourceSilent(let quiet): return "no data from the sim for \(seconds(quiet)) s"
        case .sourceBack: return "the sim is sending again"
        case .cue(let cue):
            let deadline = cue.deadline.map { ", by \(Int($0.rounded())) m" } ?? ""
            return "cue  [\(cue.kind)\(deadline)] \(cue.text)"
        case .clip: return nil
        case .lap(let number, let time, let valid, let stored):
            let timed = time.map { String(seconds: $0, decimals: 3) + " s" } ?? "no time"
            return "lap \(number): \(timed) (\(valid ? "valid" : "invalid")\(stored ? ", stored" : ", not stored"))"
        case .serverError(let code, let message): return "server error \(code): \(message)"
        case .undelivered(let frames): return "gave up: \(frames) frames could not be delivered before the drain timeout"
        case .status: return nil
        }
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "-") + String(seconds: abs(value), decimals: 2)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int((Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15).rounded())
    }

    static func seconds(_ duration: Duration) -> String {
        String(seconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18, decimals: 1)
    }
}

extension String {
    /// Fixed decimals without Foundation's locale-dependent formatting.
    init(seconds value: Double, decimals: Int) {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(abs(scaled) % Int(scale))
        self = decimals == 0 ? "\(whole)" : "\(value < 0 && whole == 0 ? "-" : "")\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
