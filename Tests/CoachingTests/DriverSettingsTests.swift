import Foundation
import Coaching
import Telemetry
import Testing

/// The rule for a driver's settings between sessions (docs/protocol.md, `settings`): a field
/// `hello` states wins and becomes the stored default; a field it leaves out takes the stored one.
@Suite struct DriverSettingsTests {
    static let session = SessionDescriptor(
        sim: "iracing", track: TrackDescriptor(name: "L", configuration: "", length: 580), car: "c", sessionType: "race")
    static let stored = DriverSettings(
        preferences: CoachingPreferences(verbosity: .approach, units: .imperial, disabledTopics: [.gear]), language: .turkish)

    static func hello(_ json: String) throws -> Hello {
        let text = #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race"\#(json)}"#
        guard case .hello(let hello) = try ClientMessage.decode(json: Data(text.utf8)) else { throw WireError(.invalidHello, "not a hello") }
        return hello
    }

    @Test func aBareHelloTakesTheStoredSettingsOrTheDefaults() throws {
        let bare = try Self.hello("")
        #expect(DriverSettings(hello: bare, stored: Self.stored) == Self.stored)
        #expect(DriverSettings(hello: bare, stored: nil) == DriverSettings())
        #expect(DriverSettings(hello: try Self.hello(#","settings":{}"#), stored: Self.stored) == Self.stored)
    }

    @Test func eachStatedFieldWinsAndOnlyThatField() throws {
        let english = DriverSettings(hello: try Self.hello(#","language":"en""#), stored: Self.stored)
        #expect(english.language == .english && english.preferences == Self.stored.preferences)
        let metric = DriverSettings(hello: try Self.hello(#","settings":{"units":"metric"}"#), stored: Self.stored)
        #expect(metric.preferences.units == .metric && metric.preferences.verbosity == .approach)
        #expect(metric.preferences.disabledTopics == [.gear] && metric.language == .turkish)
        // An empty list is stated: every topic back on.
        let allOn = DriverSettings(hello: try Self.hello(#","settings":{"topics_off":[]}"#), stored: Self.stored)
        #expect(allOn.preferences.disabledTopics.isEmpty && allOn.preferences.units == .imperial)
    }

    /// A topic this server does not know is neither judged nor kept.
    @Test func unknownTopicsAreDropped() throws {
        let settings = DriverSettings(hello: try Self.hello(#","settings":{"topics_off":["no_such_topic","coasting"]}"#), stored: nil)
        #expect(settings.topicsOff == ["coasting"])
    }
}
