import CoachServer
import Discord
import Foundation
import IRacing
import ServerSettings

/// What `config check` says beyond the settings: which secrets are present (never their value)
/// and what would fail or be unsafe when `serve` starts.
enum ConfigurationReview {
    /// The secrets the server reads from the environment, each "set" or "not set".
    static var secretVariables: [String] { [DiscordToken.environmentVariable] + IRacingCredentials.Key.allCases.map(\.rawValue) }

    static func secretLines(_ configuration: ServerConfiguration, environment: [String: String]) -> [String] {
        var lines = secretVariables.map { name in
            "\(name): " + ((environment[name]?.isEmpty ?? true) ? "not set" : "set")
        }
        for (key, path) in [("discord.token_file", configuration.discord.tokenFile), ("iracing.secrets_file", configuration.iracing.secretsFile)]
        where !path.isEmpty {
            lines.append("\(key): " + (FileManager.default.fileExists(atPath: path) ? "file present" : "file missing"))
        }
        return lines
    }

    static func warnings(_ configuration: ServerConfiguration) -> [String] {
        var warnings: [String] = []
        let files = FileManager.default
        if !files.fileExists(atPath: configuration.server.referenceDirectory) {
            warnings.append("server.reference_dir \(configuration.server.referenceDirectory) does not exist: drivers are coached against their own best laps only")
        }
        if configuration.tls.enabled {
            for (key, path) in [("tls.certificate_path", configuration.tls.certificatePath), ("tls.key_path", configuration.tls.keyPath)]
            where !files.isReadableFile(atPath: path) {
                warnings.append("\(key) \(path) is not readable")
            }
        }
        for (key, path) in [("discord.token_file", configuration.discord.tokenFile), ("iracing.secrets_file", configuration.iracing.secretsFile),
                            ("tls.key_path", configuration.tls.enabled ? configuration.tls.keyPath : "")]
        where !path.isEmpty {
            if let mode = (try? files.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
                warnings.append("\(key) \(path) can be read by other users (mode \(String(mode, radix: 8))): chmod 600 it")
            }
        }
        let data = configuration.server.dataDirectory
        if files.fileExists(atPath: data), !files.isWritableFile(atPath: data) {
            warnings.append("server.data_dir \(data) is not writable by this user")
        }
        if configuration.server.host != "127.0.0.1", configuration.server.host != "::1", configuration.server.host != "localhost",
            !configuration.tls.enabled {
            warnings.append("server.host \(configuration.server.host) is reachable from the network without TLS: tokens travel in clear text")
        }
        return warnings
    }
}
