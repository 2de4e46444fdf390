import Foundation
import Testing

@testable import LiveClient

/// The token comes from a private file or the environment, a file others can read is refused
/// as ssh refuses a key, and the token never shows in any text.
@Suite struct DriverTokenTests {
    func tokenFile(_ contents: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aPrivateFileIsRead() throws {
        let path = try tokenFile("tb_secret_123\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let token = try DriverToken.resolve(file: path, environment: ["TRAILBRAKE_TOKEN": "other"])
        #expect(token.secret == "tb_secret_123", "the file wins over the environment")
        #expect("\(token)" == "<token redacted>" && String(reflecting: token) == "<token redacted>")
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func aFileOthersMayReadIsRefused(mode: Int) throws {
        let path = try tokenFile("tb_secret_123", mode: mode)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try DriverToken.resolve(file: path, environment: [:])
            Issue.record("a token file with mode \(String(mode, radix: 8)) was accepted")
        } catch {
            #expect(error.code == .tokenFilePermissions)
            #expect(error.message.contains("chmod 600 \(path)") && error.message.contains(String(mode, radix: 8)))
            #expect(!error.description.contains("tb_secret_123"))
        }
    }

    @Test func theEnvironmentIsUsedWithoutAFile() throws {
        #expect(try DriverToken.resolve(file: nil, environment: ["TRAILBRAKE_TOKEN": " tb_env \n"]).secret == "tb_env")
        #expect(throws: ClientSettingsError.self) { try DriverToken.resolve(file: nil, environment: [:]) }
        #expect(throws: ClientSettingsError.self) { try DriverToken.resolve(file: nil, environment: ["TRAILBRAKE_TOKEN": "two words"]) }
    }

    @Test func aMissingOrOversizedFileIsAClearError() throws {
        do {
            _ = try DriverToken.read(file: "/nonexistent/token")
            Issue.record("a missing token file was accepted")
        } catch {
            #expect(error.code == .tokenFileUnreadable && error.message.contains("/nonexistent/token"))
        }
        let big = try tokenFile(String(repeating: "a", count: 5_000), mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: big) }
        #expect(throws: ClientSettingsError.self) { try DriverToken.read(file: big) }
    }
}
