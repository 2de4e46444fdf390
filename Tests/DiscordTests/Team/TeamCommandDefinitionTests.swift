import Foundation
import Testing

@testable import Discord

/// Discord refuses a whole bulk overwrite for one bad command, so the team commands are checked
/// against its documented rules before they are sent: names of 1-32 lowercase characters,
/// descriptions of 1-100, at most 25 options and choices, required options before optional ones.
@Suite struct TeamCommandDefinitionTests {
    private func check(_ options: [OptionDefinition], in path: String) {
        #expect(options.count <= 25, "\(path) has \(options.count) options")
        var optionalSeen = false
        for option in options {
            let name = "\(path) \(option.name)"
            #expect(option.name.range(of: "^[a-z0-9_-]{1,32}$", options: .regularExpression) != nil, "\(name)")
            #expect((1...100).contains(option.description.count), "\(name)'s description")
            #expect((option.choices?.count ?? 0) <= 25, "\(name)'s choices")
            if option.type == 1 {
                check(option.options ?? [], in: name)
                continue
            }
            if option.required != true { optionalSeen = true } else { #expect(!optionalSeen, "\(name) is required after an optional one") }
        }
    }

    @Test func everyCommandKeepsDiscordsRules() {
        for command in TeamCommandDefinitions.all {
            #expect(command.name.range(of: "^[a-z0-9_-]{1,32}$", options: .regularExpression) != nil)
            #expect((1...100).contains(command.description.count))
            check(command.options ?? [], in: command.name)
        }
        #expect(Set(TeamCommandDefinitions.all.map(\.name)) == TeamCommandDefinitions.names)
        #expect(TeamCommandDefinitions.names.isDisjoint(with: LeagueCommandDefinitions.names))
        #expect(TeamCommandDefinitions.names.isDisjoint(with: Set(BotCommands.all.map(\.name))))
    }

    /// The bot registers them in each guild beside its own, only when the feature is on.
    @Test(.needsLeagueData, arguments: [true, false]) func theyAreRegisteredOnlyWhenTheFeatureIsOn(enabled: Bool) async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake, team: enabled ? TeamConfiguration() : nil) { _ in
                let put = try #require(await fake.rest.requests(matching: "PUT", "applications/100/guilds/\(LeagueHarness.guild)/commands").first)
                let names = (put.jsonArray as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
                #expect(names.contains("claim"), "\(names)")
                #expect(names.contains("team") == enabled && names.contains("event") == enabled, "\(names)")
            }
        }
    }
}
