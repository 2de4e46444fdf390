import Foundation
import Storage
import Testing

@testable import Discord

/// Every team sentence (replies, the plan table, the drivers' DMs) in both languages, with the
/// same placeholders, and the Turkish one translated.
@Suite struct TeamTextTests {
    @Test func everyKeyInBothLanguagesWithTheSamePlaceholdersAndTurkishTranslated() {
        StringTableChecks.check(english: TeamStrings.english, turkish: TeamStrings.turkish)
    }

    /// Times follow the reader's zone and language; a stint past midnight shows its end's day.
    @Test func timesAreInTheReadersZoneAndConventions() throws {
        let start = try #require(EventCreateCommand.parseStart("2030-06-15 22:00"))
        #expect(EventCreateCommand.parseStart("2030-02-30 10:00") == nil)
        #expect(EventCreateCommand.parseStart("2030-06-15T22:00Z") == start)
        let english = TeamTimeFormat(zoneName: "America/New_York", language: .english)
        #expect(english.dateTime(start) == "Sat 15 Jun 18:00")
        let turkish = TeamTimeFormat(zoneName: "Europe/Istanbul", language: .turkish)
        #expect(turkish.dateTime(start).hasPrefix("16 Haz") && turkish.dateTime(start).hasSuffix(" 01:00"), "\(turkish.dateTime(start))")
        let end = start.addingTimeInterval(3_600)
        #expect(english.end(end, after: start) == "19:00")
        #expect(TeamTimeFormat(zoneName: "UTC", language: .english).end(start.addingTimeInterval(7_200), after: start) == "Sun 16 Jun 00:00")
        #expect(TeamTimeFormat(zoneName: "Not/AZone", language: .english).zoneName == "UTC")
    }
}
