import Testing

@testable import CoachServer
@testable import ServerSettings

/// `[team]`'s reminder and broadcast bounds, each taken at its edge and refused one past it.
@Suite struct TeamConfigurationTests {
    private func load(_ key: String, _ value: Int) throws -> ServerConfiguration {
        try ServerConfiguration.load(file: ["team": [key: .integer(value)]], environment: [:])
    }

    @Test(arguments: [
        ("reminder_lead_minutes", 5, 1_440), ("max_broadcast_length", 1, 1_800), ("max_broadcasts_per_day", 1, 1_000),
        ("web_role_seconds", 0, 300),
    ])
    func reminderAndBroadcastBoundsHoldAtTheirEdges(key: String, low: Int, high: Int) throws {
        _ = try load(key, low)
        _ = try load(key, high)
        #expect(throws: ConfigurationError.self) { try load(key, low - 1) }
        #expect(throws: ConfigurationError.self) { try load(key, high + 1) }
    }

    @Test func defaultsAreAnHourAFifteenHundredCharacterMessageAndTwentyADay() throws {
        let team = try ServerConfiguration.load(file: [:], environment: [:]).team
        #expect((team.reminderLeadMinutes, team.maxBroadcastLength, team.maxBroadcastsPerDay) == (60, 1_500, 20))
        #expect(team.webRoleSeconds == 30)
        #expect(try load("reminder_lead_minutes", 30).team.reminderLeadMinutes == 30)
    }
}
