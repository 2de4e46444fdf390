import Synchronization
import Telemetry
import Testing

@testable import LiveClient

/// The one-line status: redrawn in place on a terminal with events printed above it; plain
/// lines in a log, only when the connection changes or now and then.
@Suite struct StatusDisplayTests {
    final class Output: Sendable {
        let text = Mutex("")
        @Sendable func write(_ piece: String) { text.withLock { $0 += piece } }
        var value: String { text.withLock { $0 } }
    }

    var streaming: StreamStatus {
        var status = StreamStatus(simName: "iRacing")
        status.sim = .streaming
        status.session = Sample.langley
        status.link = .streaming(resumed: false)
        status.lap = 175
        status.delta = 0.184
        status.latency = .milliseconds(21)
        status.bufferedFrames = 6
        return status
    }

    @Test func theLineSaysWhereTheDriverIs() {
        #expect(StatusText.line(streaming)
            == "streaming | iRacing running | Langley Speedway | lap 175 | delta +0.18 s | latency 21 ms | buffered 6")
        var trouble = streaming
        trouble.link = .retrying(reason: "server unreachable")
        trouble.delta = -1.5
        trouble.droppedFrames = 40
        trouble.sourceSilentFor = .seconds(12)
        #expect(StatusText.line(trouble).hasPrefix("reconnecting (server unreachable) |"))
        #expect(StatusText.line(trouble).contains("| delta -1.50 s |"))
        #expect(StatusText.line(trouble).hasSuffix("| buffered 6 | dropped 40 | sim silent 12.0 s"))
    }

    @Test func aTerminalRedrawsInPlaceAndPrintsEventsAboveTheLine() {
        let output = Output()
        let display = StatusDisplay(mode: .terminal, write: output.write)
        display.show(.status(streaming))
        display.show(.status(streaming))  // unchanged: nothing drawn
        display.show(.cue(CueNotice(id: 3, kind: "feedback", text: "Turn 2: braked 12 metres early")))
        let line = StatusText.line(streaming)
        #expect(output.value == "\r\u{1B}[2K" + line + "\r\u{1B}[2K" + "cue  [feedback] Turn 2: braked 12 metres early\n" + line)
    }

    @Test func aLogGetsPlainLinesOnlyWhenTheConnectionChangesOrNowAndThen() {
        let output = Output()
        let display = StatusDisplay(mode: .plain, plainInterval: .seconds(3600), write: output.write)
        display.show(.status(streaming))
        var next = streaming
        next.lap = 176
        display.show(.status(next))  // same connection, within the interval: not printed
        next.link = .retrying(reason: "the connection dropped")
        display.show(.status(next))
        display.show(.lap(number: 175, time: 15.278, valid: true, stored: true))
        let lines = output.value.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "status: " + StatusText.line(streaming))
        #expect(lines[1].hasPrefix("status: reconnecting (the connection dropped) |"))
        #expect(lines[2] == "lap 175: 15.278 s (valid, stored)")
        #expect(!output.value.contains("\u{1B}"))
    }
}
