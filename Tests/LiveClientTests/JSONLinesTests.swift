import Foundation
import Telemetry
import Testing

@testable import LiveClient

/// The `jsonl` source's lines: sessions checked like a `hello`, frames read by the server's
/// own JSON frame reader, bad and oversized lines skipped with a reason, never fatal.
@Suite struct JSONLinesTests {
    @Test func sessionsAndFramesAreRead() throws {
        let session = try JSONLineDecoder.decode(
            #"{"type":"session","sim":"rf2","track":{"name":"Spa","config":"GP","length":7004},"car":"GT3","session":"race"}"#)
        #expect(session == .session(SessionDescriptor(
            sim: "rf2", track: TrackDescriptor(name: "Spa", configuration: "GP", length: 7004), car: "GT3", sessionType: "race")))
        let frame = try JSONLineDecoder.decode(
            #"{"type":"frame","t":12.5,"lap":3,"dist":812.4,"speed":55.1,"throttle":1,"brake":0,"gear":4,"rpm":7000}"#)
        guard case .frame(let decoded) = frame else {
            Issue.record("not a frame: \(frame)")
            return
        }
        #expect(decoded.sessionTime == 12.5 && decoded.lapNumber == 3 && decoded.gear == 4 && decoded.rpm == 7000)
        #expect(decoded.presentChannels == ChannelMask.required.union(.rpm))
        #expect(try JSONLineDecoder.decode("  ") == .ignored)
        #expect(try JSONLineDecoder.decode("# a comment") == .ignored)
    }

    @Test(arguments: [
        (#"{"type":"session","sim":"rf2","track":{"name":"Spa","length":0},"car":"GT3","session":"race"}"#, "invalid_hello"),
        (#"{"t":1,"lap":1,"dist":5,"speed":30,"throttle":1,"brake":0}"#, "invalid_value"),
        (#"{"t":1,"lap":1"#, "malformed_json"),
        (#"[1,2]"#, "invalid_value"),
        (#"{"t":1}],"x":[{"#, "malformed_json"),
    ])
    func badLinesHaveAStableCode(line: String, code: String) {
        do {
            let decoded = try JSONLineDecoder.decode(line)
            Issue.record("accepted: \(decoded)")
        } catch {
            #expect(error.code.rawValue == code, "\(error)")
        }
    }

    @Test func aLineLongerThanTheLimitIsReportedNotKept() async throws {
        let pipe = Pipe()
        let reader = LineReader(file: pipe.fileHandleForReading, maximumLineBytes: 100)
        let text = "short\n" + String(repeating: "x", count: 100_000) + "\nlast"
        let input = pipe.fileHandleForWriting
        let writer = Task.detached {
            try? input.write(contentsOf: Data(text.utf8))
            try? input.close()
        }
        var lines: [LineReader.Line] = []
        for await line in reader.makeStream() { lines.append(line) }
        await writer.value
        #expect(lines == [.text("short"), .tooLong(bytes: 100_000), .text("last")])
    }
}
