import Foundation
import Testing
import TestSupport
import WireClient

@testable import LiveClient

/// Flags, the config file and the environment become one set of settings: flags win, a typo
/// in the file is refused, every limit is checked at its edge.
@Suite struct ClientFlagsTests {
    let environment = ["TRAILBRAKE_TOKEN": "tb_env_token"]

    @Test func theConfigFileFillsWhatTheFlagsLeaveOpen() throws {
        let config = try ClientConfigFile.parse("""
            server = "wss://192.168.1.20:8443"
            batch_ms = 200
            buffer_frames = 600
            language = "tr"
            play = "ffplay -nodisp -autoexit -"
            source_timeout = 2.5

            [gt7]
            console = "192.168.1.30"
            """)
        var flags = ClientFlags()
        flags.bufferFrames = 1_200
        let resolved = try flags.resolve(config: config, environment: environment)
        let settings = resolved.settings
        #expect(settings.endpoint == (try ServerEndpoint(parsing: "wss://192.168.1.20:8443")))
        #expect(settings.tls != nil, "wss:// trusts the system roots by default")
        #expect(settings.batchInterval == .milliseconds(200) && settings.framesPerBatch == 12)
        #expect(settings.bufferFrames == 1_200, "the flag wins over the file")
        #expect(settings.language == "tr" && settings.voice && resolved.playCommand == "ffplay -nodisp -autoexit -")
        #expect(settings.sourceSilence == .milliseconds(2_500))
        #expect(settings.token.secret == "tb_env_token")
        #expect(resolved.warning == nil)
        #expect(try config.table("gt7").string("console") == "192.168.1.30")
    }

    @Test func theShippedExampleIsValid() throws {
        let path = TestData.packageRoot.appendingPathComponent("config/trailbrake-client.toml").path
        let config = try ClientConfigFile.read(path: path)
        try config.rejectUnknownTables(known: ["iracing", "jsonl", "gt7", "ac", "forza"])
        let settings = try ClientFlags().resolve(config: config, environment: environment).settings
        #expect(settings.endpoint.description == "ws://127.0.0.1:8080/api/v1/coaching/live")
        // No language in the file or the flags: hello leaves it out and the driver's stored one applies.
        #expect(settings.language == nil)
    }

    @Test func insecureWarns() throws {
        var flags = ClientFlags()
        flags.server = "wss://127.0.0.1:8443"
        flags.insecure = true
        let resolved = try flags.resolve(config: .empty, environment: environment)
        #expect(resolved.warning?.contains("NOT verified") == true)
    }

    @Test func unknownKeysAndWrongTypesAreRefused() throws {
        let typo = try ClientConfigFile.parse("sever = \"ws://x\"")
        #expect(throws: ClientSettingsError.self) { try ClientFlags().resolve(config: typo, environment: environment) }
        let wrong = try ClientConfigFile.parse("server = \"ws://x\"\nbatch_ms = \"fast\"")
        do {
            _ = try ClientFlags().resolve(config: wrong, environment: environment)
            Issue.record("a string batch_ms was accepted")
        } catch {
            #expect(error.code == .configWrongType && error.message.contains("batch_ms"))
        }
        #expect(throws: ClientSettingsError.self) { try ClientConfigFile.parse("server = ") }
    }

    @Test(arguments: [("batch_ms", "0"), ("batch_ms", "2001"), ("buffer_frames", "5"), ("language", "\"de\""), ("source_timeout", "0")])
    func limitsAreCheckedAtTheirEdges(key: String, value: String) throws {
        let config = try ClientConfigFile.parse("server = \"ws://127.0.0.1:1\"\n\(key) = \(value)")
        #expect(throws: ClientSettingsError.self) { try ClientFlags().resolve(config: config, environment: environment) }
    }

    @Test func theEdgesThemselvesAreAccepted() throws {
        let config = try ClientConfigFile.parse("server = \"ws://127.0.0.1:1\"\nbatch_ms = 2000\nbuffer_frames = 120")
        let settings = try ClientFlags().resolve(config: config, environment: environment).settings
        #expect(settings.framesPerBatch == 120 && settings.bufferFrames == 120)
    }
}
