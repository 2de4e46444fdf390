import Foundation
import Testing
import Telemetry

/// A hello says which settings it states, so the server can fill the rest from the driver's
/// stored settings (issue 16): a field left out is not the same as a field set to its default.
@Suite struct HelloGivenFieldsTests {
    static let prefix = #"{"type":"hello","protocol":1,"sim":"iracing","track":{"name":"L","length":580},"car":"c","session":"race""#

    static func hello(_ tail: String) throws -> Hello {
        guard case .hello(let hello) = try ClientMessage.decode(json: Data((prefix + tail).utf8)) else {
            throw WireError(.invalidHello, "not a hello")
        }
        return hello
    }

    @Test func aBareHelloStatesNeitherLanguageNorSettings() throws {
        let bare = try Self.hello("}")
        #expect(!bare.languageGiven && bare.language == "en" && bare.settings == nil)
        let english = try Self.hello(#","language":"en"}"#)
        #expect(english.languageGiven && english.language == "en")
    }

    @Test func onlyTheStatedSettingsAreGiven() throws {
        let units = try Self.hello(#","settings":{"units":"metric"}}"#)
        #expect(units.settings?.given == [.units])
        let all = try Self.hello(#","settings":{"verbosity":"all","units":"metric","topics_off":[]}}"#)
        #expect(all.settings?.given == Set(Hello.Settings.Field.allCases))
    }

    /// The encoder writes what was stated and nothing else, so a decoded hello re-encodes to the
    /// same meaning (the load tool and the client pass hellos through it).
    @Test func whatWasLeftOutStaysOutThroughTheEncoder() throws {
        let partial = try Self.hello(#","settings":{"verbosity":"approach"}}"#)
        let text = String(decoding: partial.jsonData(), as: UTF8.self)
        #expect(!text.contains("language") && !text.contains("units") && !text.contains("topics_off"), "\(text)")
        guard case .hello(let back) = try ClientMessage.decode(json: Data(text.utf8)) else { Issue.record("not a hello"); return }
        #expect(back == partial && !back.languageGiven && back.settings?.given == [.verbosity])
    }
}
