import Foundation
import Testing

@testable import Discord

/// The checks every pair of string tables (league numbers, team tools) passes: every key in both
/// languages with the same placeholders, and the Turkish sentence translated unless it is only
/// placeholders and symbols.
enum StringTableChecks {
    static func check<Key: Hashable & CaseIterable>(english: [Key: String], turkish: [Key: String], sourceLocation: SourceLocation = #_sourceLocation) {
        for key in Key.allCases {
            let english = english[key]
            let turkish = turkish[key]
            #expect(english?.isEmpty == false, "English lacks \(key)", sourceLocation: sourceLocation)
            #expect(turkish?.isEmpty == false, "Turkish lacks \(key)", sourceLocation: sourceLocation)
            guard let english, let turkish else { continue }
            let placeholders = LeagueStrings.placeholders(in: english)
            #expect(placeholders == LeagueStrings.placeholders(in: turkish), "\(key)", sourceLocation: sourceLocation)
            let letters = english.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
            if letters > placeholders.joined().count {
                #expect(english != turkish, "\(key) is not translated", sourceLocation: sourceLocation)
            }
        }
        #expect(english.count == Key.allCases.count, sourceLocation: sourceLocation)
        #expect(turkish.count == Key.allCases.count, sourceLocation: sourceLocation)
    }
}
