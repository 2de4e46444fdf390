import Foundation
@testable import ServerSettings
import Testing
import TestSupport

@testable import CoachServer

@Suite struct ConfigurationLoadingTests {
    @Test func emptyInputGivesTheDocumentedDefaults() throws {
        let configuration = try ServerConfiguration.load(file: [:], environment: [:])
        #expect(configuration.server.host == "127.0.0.1")
        #expect(configuration.server.port == 8080)
        #expect(configuration.live.maxMessageBytes == 65_536)
        #expect(configuration.live.ackIntervalMilliseconds == 250)
        #expect(configuration.coaching.ownBestAsReference)
        #expect(!configuration.tls.enabled)
    }

    @Test func environmentOverridesTheFile() throws {
        let configuration = try ServerConfiguration.load(
            file: ["server": ["port": .integer(9000), "host": .string("0.0.0.0")], "live": ["hello_timeout_seconds": .integer(3)]],
            environment: ["TRAILBRAKE_SERVER_PORT": "9100", "TRAILBRAKE_COACHING_OWN_BEST_AS_REFERENCE": "false",
                          "TRAILBRAKE_BUILD": "core"])
        #expect(configuration.server.port == 9100)
        #expect(configuration.server.host == "0.0.0.0")
        #expect(configuration.live.helloTimeoutSeconds == 3)  // an integer is fine for a float key
        #expect(!configuration.coaching.ownBestAsReference)
    }

    @Test func voiceKeysComeFromTheFileAndTheEnvironment() throws {
        let defaults = try ServerConfiguration.load(file: [:], environment: [:]).voice
        #expect(defaults.enabled && defaults.rate == 185 && defaults.bitrate == 24_000 && defaults.diskCacheDirectory.isEmpty)
        let configuration = try ServerConfiguration.load(
            file: ["voice": ["name": .string("f2"), "rate": .integer(200), "cache_bytes": .integer(1_000_000)]],
            environment: ["TRAILBRAKE_VOICE_ENABLED": "false", "TRAILBRAKE_VOICE_RATE": "220",
                          "TRAILBRAKE_VOICE_DISK_CACHE_DIR": "/var/cache/trailbrake", "TRAILBRAKE_VOICE_BITRATE": "16000"])
        #expect(!configuration.voice.enabled)
        #expect(configuration.voice.name == "f2")
        #expect(configuration.voice.rate == 220)
        #expect(configuration.voice.bitrate == 16_000)
        #expect(configuration.voice.cacheBytes == 1_000_000)
        #expect(configuration.voice.diskCacheDirectory == "/var/cache/trailbrake")
        #expect(throws: ConfigurationError.invalidValue(key: "voice.rate", reason: "must be in 80...450")) {
            try ServerConfiguration.load(file: ["voice": ["rate": .integer(1000)]], environment: [:])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.load(file: [:], environment: ["TRAILBRAKE_VOICE_COMPLEXITY": "11"])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "voice.name", reason: "must be an espeak-ng variant name (letters and digits)")) {
            try ServerConfiguration.load(file: ["voice": ["name": .string("../../etc/passwd")]], environment: [:])
        }
    }

    @Test func unknownKeysAndSectionsAreNamed() {
        #expect(throws: ConfigurationError.unknownKey("server.prot")) {
            try ServerConfiguration.load(file: ["server": ["prot": .integer(1)]], environment: [:])
        }
        #expect(throws: ConfigurationError.unknownSection("serve")) {
            try ServerConfiguration.load(file: ["serve": [:]], environment: [:])
        }
    }

    @Test func wrongTypesAreNamed() {
        #expect(throws: ConfigurationError.wrongType(key: "server.port", expected: "integer", found: "string")) {
            try ServerConfiguration.load(file: ["server": ["port": .string("80")]], environment: [:])
        }
        #expect(throws: ConfigurationError.wrongType(key: "TRAILBRAKE_LIVE_RING_CAPACITY", expected: "integer", found: "'big'")) {
            try ServerConfiguration.load(file: [:], environment: ["TRAILBRAKE_LIVE_RING_CAPACITY": "big"])
        }
    }

    @Test func theEchoEndpointIsOffByDefaultAndItsPathIsChecked() throws {
        #expect(try ServerConfiguration.load(file: [:], environment: [:]).server.echoPath == "")
        let on = try ServerConfiguration.load(file: [:], environment: ["TRAILBRAKE_SERVER_ECHO_PATH": "/bench/echo"])
        #expect(on.server.echoPath == "/bench/echo")
        let reason = "must start with / and differ from the live path"
        for bad in ["bench/echo", "/api/v1/coaching/live"] {
            #expect(throws: ConfigurationError.invalidValue(key: "server.echo_path", reason: reason)) {
                try ServerConfiguration.load(file: ["server": ["echo_path": .string(bad)]], environment: [:])
            }
        }
    }

    @Test func impossibleValuesAreRefused() {
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.load(file: ["server": ["port": .integer(70_000)]], environment: [:])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "live.ring_capacity", reason: "must be a power of two")) {
            try ServerConfiguration.load(file: ["live": ["ring_capacity": .integer(1000)]], environment: [:])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.load(file: ["log": ["level": .string("loud")]], environment: [:])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "tls.enabled", reason: "needs tls.certificate_path and tls.key_path")) {
            try ServerConfiguration.load(file: ["tls": ["enabled": .boolean(true)]], environment: [:])
        }
    }

    /// The shipped config file must list every key, with the default value.
    @Test func shippedFileListsEveryKeyWithItsDefault() throws {
        let url = TestData.packageRoot.appendingPathComponent("config/trailbrake.toml")
        let parsed = try SimpleTOML.parse(String(contentsOf: url, encoding: .utf8))
        for key in ConfigurationKey.all {
            #expect(parsed[key.section]?[key.name] != nil, "config/trailbrake.toml lacks \(key.dottedName)")
        }
        #expect(try ServerConfiguration.load(file: parsed, environment: [:]) == ServerConfiguration())
    }
}

/// Just enough TOML for the flat, commented config file (the test target has no TOML library).
enum SimpleTOML {
    static func parse(_ text: String) throws -> [String: [String: ConfigurationValue]] {
        var result: [String: [String: ConfigurationValue]] = [:]
        var section = ""
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                section = String(line.dropFirst().dropLast())
                result[section] = result[section] ?? [:]
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw TestFailure("unreadable line: \(line)") }
            let value = parts[1]
            let parsed: ConfigurationValue
            if value.hasPrefix("\"") {
                parsed = .string(String(value.dropFirst().dropLast()))
            } else if value == "true" || value == "false" {
                parsed = .boolean(value == "true")
            } else if let integer = Int(value) {
                parsed = .integer(integer)
            } else if let float = Double(value) {
                parsed = .float(float)
            } else {
                throw TestFailure("unreadable value: \(line)")
            }
            result[section, default: [:]][parts[0]] = parsed
        }
        return result
    }
}
