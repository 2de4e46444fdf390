import Foundation
import Storage
import Testing

@testable import Discord

/// Both languages have every sentence, with the same placeholders, and Turkish is Turkish.
@Suite struct LeagueTextTests {
    @Test func everyKeyInBothLanguagesWithTheSamePlaceholdersAndTurkishTranslated() {
        StringTableChecks.check(english: LeagueStrings.english, turkish: LeagueStrings.turkish)
    }

    @Test func placeholdersAreFilledOnceAndTypedBracesStayText() {
        let strings = LeagueStrings(language: .english)
        #expect(strings(.takenBy, ["number": "**#7**", "user": "<@1>"]) == "**#7** is taken by <@1>.")
        // A value that looks like a placeholder is not filled in its turn.
        #expect(LeagueStrings.fill("{a} and {b}", ["a": "{b}", "b": "x"]) == "{b} and x")
        #expect(LeagueStrings(language: .turkish)(.claimed, ["number": "**#7**"]) == "**#7** numarası artık sizin.")
    }

    @Test func namesFromOutsideAreMadeSafe() {
        #expect(LeagueFormat.name("@everyone <@123> **bold**") == "\\@everyone \\<\\@123\\> \\*\\*bold\\*\\*")
        #expect(LeagueFormat.name("a\u{202E}b\nc\u{0}d") == "a b c d", "direction overrides, line breaks, NUL")
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 5_000)
        #expect(LeagueFormat.name(zalgo).unicodeScalars.count <= 64)
        #expect(LeagueFormat.cut(String(repeating: "😀", count: 1_500), 2_000).utf16.count <= 2_000)
        #expect(RosterCSV.field("-1+2") == "'-1+2")
        #expect(RosterCSV.field("a,b") == "\"a,b\"")
        #expect(RosterCSV.field("plain") == "plain")
        let document = RosterCSV.document(header: ["a", "b"], rows: [["x\r\ny", "say \"hi\", ok"]])
        #expect(document == "a,b\r\n\"x\r\ny\",\"say \"\"hi\"\", ok\"\r\n")
        #expect(CSVTable.parse(document) == [["a", "b"], ["x\r\ny", "say \"hi\", ok"]])
    }
}
