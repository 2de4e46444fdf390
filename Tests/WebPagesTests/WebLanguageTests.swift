import Foundation
import Testing

@testable import WebPages

struct WebLanguageTests {
    @Test(arguments: [
        ("tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7", WebLanguage.turkish),
        ("en-GB,en;q=0.9,tr;q=0.8", .english),
        ("de-DE, tr;q=0.5, en;q=0.4", .turkish),
        ("tr;q=0, en", .english),
        ("en;q=0.2, tr;q=0.8", .turkish),
        ("", .english),
        (";;;,,,q=1", .english),
    ])
    func acceptLanguagePicksTheFirstSupportedByQuality(header: String, expected: WebLanguage) {
        #expect(WebLanguage.negotiate(cookie: nil, acceptLanguage: header) == expected)
    }

    @Test func theSwitchCookieWinsOverTheHeaderAndAnUnknownCookieIsIgnored() {
        #expect(WebLanguage.negotiate(cookie: "en", acceptLanguage: "tr-TR") == .english)
        #expect(WebLanguage.negotiate(cookie: "tr", acceptLanguage: "en") == .turkish)
        #expect(WebLanguage.negotiate(cookie: "xx", acceptLanguage: "tr") == .turkish)
    }

    @Test func aHugeHeaderIsReadOnlyAsFarAsItsFirstEntries() {
        let header = Array(repeating: "de", count: 10_000).joined(separator: ",") + ",tr"
        #expect(WebLanguage.negotiate(cookie: nil, acceptLanguage: header) == .english)
    }
}

struct WebFormatTests {
    let english = WebFormat(language: .english)
    let turkish = WebFormat(language: .turkish)

    @Test func lapTimesUseTheLanguagesDecimalSeparator() {
        #expect(english.lapTime(15.1867) == "15.187")
        #expect(turkish.lapTime(15.1867) == "15,187")
        #expect(english.lapTime(83.4567) == "1:23.457")
        #expect(english.lapTime(61.005) == "1:01.005")
        #expect(turkish.lapTime(125.0) == "2:05,000")
        #expect(english.lapTime(nil) == "–")
        #expect(english.lapTime(.nan) == "–")
    }

    @Test func deltasAreSigned() {
        #expect(english.delta(0.0869) == "+0.087")
        #expect(english.delta(-1.2041) == "-1.204")
        #expect(turkish.delta(-0.0869) == "-0,087")
        #expect(english.delta(-0.0001) == "+0.000")
        #expect(english.number(-3.14159, decimals: 2) == "-3.14")
        #expect(turkish.number(250, decimals: 0) == "250")
    }

    @Test func datesFollowTheLanguageAndTheReadersTimeZone() {
        let date = Date(timeIntervalSince1970: 1_432_824_383)  // 2015-05-28 14:46:23 UTC
        let utc = english.dateTime(date)
        #expect(utc.contains("2015") && utc.contains("14:46") && utc.contains("May"), "\(utc)")
        let istanbul = WebFormat(language: .turkish, timeZone: WebFormat.timeZone(cookie: "Europe/Istanbul")).dateTime(date)
        #expect(istanbul.contains("17:46") && istanbul.contains("May"), "\(istanbul)")  // "Mayıs"/"May" in Turkish
        #expect(WebFormat.timeZone(cookie: "Not/AZone") == .gmt)
    }
}
