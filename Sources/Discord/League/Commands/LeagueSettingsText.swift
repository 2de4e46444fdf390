import Storage

/// The settings as the replies of `/setup` and `/config` show them.
enum LeagueSettingsText {
    static func lines(_ settings: LeagueSettings, _ strings: LeagueStrings, configuration: LeagueConfiguration) -> [String] {
        [LeagueSettingChange.league(nil), .range(0...0), .maxPerMember(0), .leadingZeros(false), .adminRole(nil), .announceChannel(nil),
         .language(.english), .syncInterval(minutes: nil)].map { line($0, value(of: $0, in: settings, strings, configuration), strings) }
    }

    /// "Numbers: 1–99 → 1–50".
    static func change(
        _ change: LeagueSettingChange, before: LeagueSettings, after: LeagueSettings, _ strings: LeagueStrings,
        configuration: LeagueConfiguration
    ) -> String {
        let old = value(of: change, in: before, strings, configuration)
        return line(change, "\(old) → \(value(of: change, in: after, strings, configuration))", strings)
    }

    private static func line(_ change: LeagueSettingChange, _ value: String, _ strings: LeagueStrings) -> String {
        let key: LeagueText = switch change {
        case .league: .settingLeague
        case .range: .settingRange
        case .adminRole: .settingAdminRole
        case .announceChannel: .settingChannel
        case .maxPerMember: .settingPerMember
        case .leadingZeros: .settingLeadingZeros
        case .syncInterval: .settingSyncInterval
        case .language: .settingLanguage
        }
        return strings(key, ["value": value])
    }

    /// One setting's value in `settings` (the case's payload is ignored: it only names the setting).
    static func value(
        of change: LeagueSettingChange, in settings: LeagueSettings, _ strings: LeagueStrings, _ configuration: LeagueConfiguration
    ) -> String {
        switch change {
        case .league: settings.leagueID.map(String.init) ?? strings(.valueNone)
        case .range: "\(settings.range.lowerBound)–\(settings.range.upperBound)"
        case .adminRole: settings.adminRoleID.map(LeagueFormat.role) ?? strings(.valueNone)
        case .announceChannel: settings.announceChannelID.map(LeagueFormat.channel) ?? strings(.valueNone)
        case .maxPerMember: String(settings.maxPerMember)
        case .leadingZeros: strings(settings.leadingZeros ? .valueOn : .valueOff)
        case .language: settings.language == .turkish ? "Türkçe" : "English"
        case .syncInterval:
            switch settings.syncIntervalMinutes {
            case nil: strings(.valueDefaultInterval, ["minutes": String(configuration.defaultSyncIntervalMinutes)])
            case 0: strings(.valueNoSchedule)
            case let minutes?: strings(.valueMinutes, ["minutes": String(minutes)])
            }
        }
    }
}
