import ArgumentParser
import CoachServer
import Foundation

/// `trailbrake login-link --driver NAME`: prints a one-time link that signs a browser in to the
/// listen page as the driver (docs/protocol.md, "Listening"). The link alone goes to stdout, so
/// a script can hand it on (e.g. as a QR code); where it expires, and any warning, to stderr.
struct LoginLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login-link",
        abstract: "Print a one-time link that signs a browser in to the listen page.",
        discussion: """
            Open the link on the device that should play the cues (a phone, a second screen). It works once, \
            within listen.login_link_minutes (default 10). The link starts with listen.base_url, or \
            --base-url: the address the browser reaches the server at, e.g. http://192.168.1.20:8080.
            """)

    @Option(help: "Driver name (the driver must exist: `trailbrake token create --driver NAME` makes one).")
    var driver: String

    @Option(name: .customLong("base-url"), help: "The server's address as the browser reaches it (overrides listen.base_url).")
    var baseURL: String?

    @OptionGroup var options: ConfigurationOptions

    func validate() throws {
        guard !driver.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--driver must not be empty") }
        if let baseURL, LoginLinkAddress.checkedBaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be http://HOST[:PORT] or https://HOST[:PORT]")
        }
    }

    func run() async throws {
        let configuration = try options.load { configuration in
            if let baseURL { configuration.listen.baseURL = baseURL }
        }
        let logger = LogSetup.bootstrap(configuration.log)
        let backend = try Backend.open(configuration, logger: logger)
        guard let target = try await backend.admin.driver(named: driver) else { throw UnknownDriver(name: driver) }
        let lifetime = configuration.listen.loginLinkMinutes * 60
        let link = try await StorageBackedBrowserSessions(database: backend.database)
            .createLoginLink(driverID: target.id, lifetime: lifetime)
        let (base, warning) = LoginLinkAddress.baseURL(for: configuration)
        print(LoginLinkAddress.url(base: base, secret: link.secret))
        let expiry = ISO8601DateFormatter().string(from: link.expiresAt)
        FileHandle.standardError.write(Data("works once, until \(expiry) (\(Int(configuration.listen.loginLinkMinutes)) min)\n".utf8))
        if let warning { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    }
}

/// A login link for a driver who does not exist (no usage text: the command was right).
struct UnknownDriver: Error, CustomStringConvertible {
    let name: String
    var description: String { "no driver named \(name); `trailbrake token create --driver \(name)` makes one" }
}
