@testable import ServerSettings
import Testing

@testable import CoachServer

/// What `trailbrake config check` prints: every key once, its value in force, and the source that
/// set it (a flag over the environment over the file over the default).
@Suite struct EffectiveSettingTests {
    @Test func eachKeyNamesTheSourceThatWon() throws {
        let file: [String: [String: ConfigurationValue]] = [
            "server": ["port": .integer(9000), "host": .string("0.0.0.0")], "log": ["level": .string("debug")],
        ]
        let environment = ["TRAILBRAKE_SERVER_PORT": "9100", "TRAILBRAKE_LOG_FORMAT": "json", "TRAILBRAKE_BUILD": "core"]
        var configuration = try ServerConfiguration.load(file: file, environment: environment)
        configuration.server.host = "10.0.0.1"
        let settings = ServerConfiguration.effectiveSettings(
            of: configuration, file: file, environment: environment, flags: ["server.host"])
        let byKey = Dictionary(uniqueKeysWithValues: settings.map { ($0.key, $0) })

        #expect(settings.count == ConfigurationKey.all.count, "every key, once")
        #expect(byKey["server.host"] == EffectiveSetting(key: "server.host", value: "\"10.0.0.1\"", source: .flag))
        #expect(byKey["server.port"] == EffectiveSetting(key: "server.port", value: "9100", source: .environment))
        #expect(byKey["log.format"] == EffectiveSetting(key: "log.format", value: "\"json\"", source: .environment))
        #expect(byKey["log.level"] == EffectiveSetting(key: "log.level", value: "\"debug\"", source: .file))
        #expect(byKey["live.max_message_bytes"] == EffectiveSetting(key: "live.max_message_bytes", value: "65536", source: .default))
        #expect(byKey["coaching.own_best_as_reference"]?.value == "true")
    }

    @Test func aPasswordInAURLIsMaskedAndQuotesAreEscaped() throws {
        let file: [String: [String: ConfigurationValue]] = [
            "iracing": ["data_api_url": .string("https://bot:hunter2@members.example/data")],
            "listen": ["base_url": .string("https://coach.example:8443")],
            "server": ["data_dir": .string("/srv/a\"b\\c\nserver.port = 1")],
            "discord": ["rest_base_url": .string("https://t0ken-as-user@discord.example/api")],
        ]
        let configuration = try ServerConfiguration.load(file: file, environment: [:])
        let settings = ServerConfiguration.effectiveSettings(of: configuration, file: file, environment: [:])
        let byKey = Dictionary(uniqueKeysWithValues: settings.map { ($0.key, $0.value) })
        #expect(byKey["iracing.data_api_url"] == "\"https://bot:****@members.example/data\"")
        #expect(!settings.contains { $0.value.contains("hunter2") })
        #expect(byKey["listen.base_url"] == "\"https://coach.example:8443\"", "a port is not a password")
        #expect(byKey["discord.rest_base_url"] == "\"https://****@discord.example/api\"")
        #expect(!settings.contains { $0.value.contains("t0ken-as-user") })
        // Quotes, backslashes and newlines are escaped: a value stays on its own line.
        #expect(byKey["server.data_dir"] == #""/srv/a\"b\\c\nserver.port = 1""#)
    }
}
