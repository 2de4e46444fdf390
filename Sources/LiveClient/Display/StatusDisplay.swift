import Synchronization

/// Shows the driver what happens: on a terminal, one status line redrawn in place with every
/// event printed above it; elsewhere (a log, a service) plain lines: each event, and the status
/// line when the connection state changes or at most every `plainInterval`.
public final class StatusDisplay: Sendable {
    public enum Mode: Sendable { case terminal, plain }

    private struct State {
        var lastLine = ""
        var lastLink: StreamStatus.Link?
        var lastPlainAt: ContinuousClock.Instant?
        var statusShown = false
    }

    public let mode: Mode
    private let write: @Sendable (String) -> Void
    private let plainInterval: Duration
    private let state = Mutex(State())

    /// `write` gets finished text (with newlines and, on a terminal, control sequences).
    public init(mode: Mode, plainInterval: Duration = .seconds(5), write: @escaping @Sendable (String) -> Void) {
        self.mode = mode
        self.write = write
        self.plainInterval = plainInterval
    }

    public func show(_ event: ClientEvent) {
        if case .status(let status) = event { return showStatus(status) }
        guard let line = StatusText.event(event) else { return }
        say(line)
    }

    /// A line from elsewhere (the clip player, the command) shown like an event.
    public func say(_ line: String) {
        let text = state.withLock { state -> String in
            switch mode {
            case .plain:
                return line + "\n"
            case .terminal:
                // Clear the status line, print the event, draw the status line again below it.
                return "\r\u{1B}[2K" + line + "\n" + (state.statusShown ? state.lastLine : "")
            }
        }
        write(text)
    }

    private func showStatus(_ status: StreamStatus) {
        let line = StatusText.line(status)
        let text: String? = state.withLock { state in
            defer { state.lastLink = status.link }
            switch mode {
            case .terminal:
                guard line != state.lastLine || !state.statusShown else { return nil }
                state.lastLine = line
                state.statusShown = true
                return "\r\u{1B}[2K" + line
            case .plain:
                let now = ContinuousClock.now
                let linkChanged = state.lastLink != status.link
                let due = state.lastPlainAt.map { now - $0 >= plainInterval } ?? true
                guard linkChanged || (due && line != state.lastLine) else { return nil }
                state.lastLine = line
                state.lastPlainAt = now
                return "status: " + line + "\n"
            }
        }
        if let text { write(text) }
    }

    /// Ends the status line on a terminal so the shell prompt starts on a fresh line.
    public func finish() {
        if mode == .terminal, state.withLock({ $0.statusShown }) { write("\n") }
    }
}
