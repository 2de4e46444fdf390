import Foundation
import Testing
import Telemetry

@Suite struct ClientMessageTests {
    static let langley = SessionDescriptor(
        sim: "iracing", track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580),
        car: "SK Modified", sessionType: "practice")

    private func decode(_ text: String) throws(WireError) -> ClientMessage {
        try ClientMessage.decode(json: Data(text.utf8))
    }

    private func code(_ text: String) -> ProtocolErrorCode? {
        wireError { () throws(WireError) in _ = try decode(text) }?.code
    }

    @Test func decodesTheHelloFromTheProtocolDocument() throws {
        let text = """
            {"type": "hello", "protocol": 1, "sim": "iracing",
             "track": {"name": "Langley Speedway", "config": "", "length": 580.0},
             "car": "SK Modified", "session": "practice", "language": "tr", "voice": true,
             "codec": "json", "resume": {"session": "6f1c", "last_seq": 41}}
            """
        guard case .hello(let hello) = try decode(text) else { Issue.record("not a hello"); return }
        #expect(hello.session == Self.langley)
        #expect(hello.language == "tr")
        #expect(hello.voice)
        #expect(hello.codec == .json)
        #expect(hello.resume == Hello.Resume(sessionID: "6f1c", lastSequence: 41))
    }

    @Test func helloDefaultsLanguageVoiceAndCodec() throws {
        let text = #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"Langley","length":580},"car":"SK","session":"race"}"#
        guard case .hello(let hello) = try decode(text) else { Issue.record("not a hello"); return }
        #expect(hello.language == "en")
        #expect(hello.voice == false)
        #expect(hello.codec == .binary)
        #expect(hello.track.configuration == "")
        #expect(hello.resume == nil)
    }

    @Test func helloRoundTripsThroughItsEncoder() throws {
        let hello = Hello(session: Self.langley, language: "tr", voice: true, codec: .json,
                          resume: .init(sessionID: "abc", lastSequence: 9))
        #expect(try decode(String(decoding: hello.jsonData(), as: UTF8.self)) == .hello(hello))
    }

    @Test func framesRoundTripThroughTheJSONForm() throws {
        let full = SampleFrames.batch(count: 5, channels: .all, sequence: 12)
        let minimal = SampleFrames.batch(count: 3, channels: .required, sequence: 13)
        #expect(try decode(full.jsonText()) == .frames(full))
        #expect(try decode(minimal.jsonText()) == .frames(minimal))
    }

    @Test func decodesTheFramesExampleFromTheProtocolDocument() throws {
        let text = """
            {"type": "frames", "seq": 7, "frames": [
              {"t": 4216.3833, "lap": 174, "dist": 0.596, "speed": 43.216, "throttle": 1.0, "brake": 0.0,
               "gear": 2, "pct": 0.00103, "clutch": 1.0, "steer": 0.7138, "rpm": 6622.0,
               "latAccel": 9.99, "longAccel": 2.72, "yawRate": 0.305, "lat": 37.0861, "lon": -76.3860,
               "pit": false, "surface": 3}
            ]}
            """
        guard case .frames(let batch) = try decode(text) else { Issue.record("not frames"); return }
        let frame = try #require(batch.frames.first)
        #expect(batch.sequence == 7)
        #expect(frame.presentChannels == .all)
        #expect(frame.lapNumber == 174 && frame.gear == 2 && frame.speed == 43.216 && frame.longitude == -76.3860)
    }

    @Test func optionalKeysAbsentPerFrameStayAbsent() throws {
        let text = #"{"type":"frames","seq":1,"frames":[{"t":1,"lap":1,"dist":2,"speed":3,"throttle":1,"brake":0,"gear":2,"rpm":5000}]}"#
        guard case .frames(let batch) = try decode(text), let frame = batch.frames.first else { Issue.record("no frame"); return }
        #expect(frame.presentChannels == ChannelMask.required.union(.rpm))
        #expect(frame.steering.isNaN)
    }

    @Test func malformedTextIsMalformedJSON() {
        #expect(code("{\"type\":\"hello\"") == .malformedJSON)
        #expect(code("[1,2]") == .malformedJSON)
        #expect(code("42") == .malformedJSON)
        #expect(code(#"{"type":"frames","frames":[]}"#) == .malformedJSON)
        #expect(code(#"{"type":"frames","seq":1,"frames":{}}"#) == .malformedJSON)
    }

    @Test func unknownOrMissingTypeIsUnknownType() {
        #expect(code(#"{"type":"telemetry"}"#) == .unknownType)
        #expect(code(#"{"seq":1}"#) == .unknownType)
    }

    @Test func protocolTwoIsUnsupportedEvenWithOtherFieldsMissing() {
        #expect(code(#"{"type":"hello","protocol":2}"#) == .unsupportedProtocol)
    }

    @Test(arguments: [
        #"{"type":"hello","sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"track":{"name":"L","length":580},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L"},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":0},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":-5},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":100000.5},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":1e300},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":"580"},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":" ","track":{"name":"L","length":580},"car":"c","session":"race"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","language":"de"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","codec":"xml"}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","resume":{"session":"x"}}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","settings":{"verbosity":"loud"}}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","settings":{"units":"furlongs"}}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","settings":{"topics_off":"gear"}}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","settings":{"topics_off":[""]}}"#,
        #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race","settings":[]}"#,
    ])
    func invalidHelloFieldsAreInvalidHello(text: String) {
        #expect(code(text) == .invalidHello)
    }

    /// `hello.settings`: every field optional, names checked, lists bounded at their edge.
    @Test func helloSettingsAreCheckedAndBounded() throws {
        let prefix = #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race""#
        guard case .hello(let none) = try decode(prefix + "}") else { Issue.record("not a hello"); return }
        #expect(none.settings == nil)
        guard case .hello(let empty) = try decode(prefix + #","settings":{}}"#) else { Issue.record("not a hello"); return }
        #expect(empty.settings == Hello.Settings(given: []))
        let most = (0..<Hello.Settings.maximumTopicsOff).map { "\"t\($0)\"" }.joined(separator: ",")
        let long = String(repeating: "x", count: Hello.Settings.maximumTopicLength)
        guard case .hello(let full) = try decode(prefix + #","settings":{"verbosity":"approach","units":"imperial","topics_off":["\#(long)",\#(most.dropFirst(5))]}}"#)
        else { Issue.record("not a hello"); return }
        #expect(full.settings?.verbosity == "approach" && full.settings?.units == "imperial")
        #expect(full.settings?.topicsOff.count == Hello.Settings.maximumTopicsOff)
        #expect(code(prefix + #","settings":{"topics_off":[\#(most),"one more"]}}"#) == .invalidHello)
        #expect(code(prefix + #","settings":{"topics_off":["\#(long)x"]}}"#) == .invalidHello)
        // The wire form round-trips.
        let hello = Hello(
            session: SessionDescriptor(sim: "iracing", track: TrackDescriptor(name: "L", configuration: "", length: 580), car: "c", sessionType: "race"),
            settings: Hello.Settings(verbosity: "important", units: "metric", topicsOff: ["gear"]))
        guard case .hello(let back) = try decode(String(decoding: hello.jsonData(), as: UTF8.self)) else { Issue.record("not a hello"); return }
        #expect(back == hello)
    }

    @Test func aTrackOfOneHundredKilometresIsTheLongestAHelloMayName() throws {
        let text = #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":100000},"car":"c","session":"race"}"#
        guard case .hello(let hello) = try decode(text) else {
            Issue.record("not a hello")
            return
        }
        #expect(hello.track.length == TrackDescriptor.maximumLength)
    }

    @Test func frameMissingARequiredKeyIsInvalidValue() {
        let error = wireError { () throws(WireError) in
            _ = try decode(#"{"type":"frames","seq":1,"frames":[{"t":1,"lap":1,"dist":2,"speed":3,"throttle":1,"brake":0}]}"#)
        }
        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains("gear") == true)
    }

    @Test func frameValuesOfTheWrongTypeAreInvalidValue() {
        #expect(code(#"{"type":"frames","seq":1,"frames":[{"t":1,"lap":1,"dist":2,"speed":"fast","throttle":1,"brake":0,"gear":1}]}"#) == .invalidValue)
        #expect(code(#"{"type":"frames","seq":1,"frames":[{"t":1,"lap":1,"dist":2,"speed":null,"throttle":1,"brake":0,"gear":1}]}"#) == .invalidValue)
        #expect(code(#"{"type":"frames","seq":1,"frames":[{"t":1,"lap":1,"dist":2,"speed":3,"throttle":1,"brake":0,"gear":300}]}"#) == .invalidValue)
        #expect(code(#"{"type":"frames","seq":1,"frames":[{"t":1,"lap":1,"dist":2,"speed":3,"throttle":1,"brake":0,"gear":1,"surface":7}]}"#) == .invalidValue)
        #expect(code(#"{"type":"frames","seq":1,"frames":[7]}"#) == .invalidValue)
    }

    @Test func jsonFrameCountsAreLimited() {
        #expect(code(#"{"type":"frames","seq":1,"frames":[]}"#) == .badFrameCount)
        let tooMany = SampleFrames.batch(count: 121).jsonText()
        #expect(code(tooMany) == .badFrameCount)
    }

    @Test func nonFiniteValuesEncodeAsNullAndAreRefused() {
        var batch = SampleFrames.batch(count: 2)
        batch.frames[1].speed = .infinity
        #expect(batch.jsonText().contains("\"speed\":null"))
        #expect(code(batch.jsonText()) == .invalidValue)
    }
}
