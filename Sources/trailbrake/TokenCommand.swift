import ArgumentParser
import CoachServer
import Foundation
import Logging
import Storage

/// `trailbrake token ...`: driver tokens.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage driver tokens.", subcommands: [Create.self, List.self, Revoke.self])

    /// Longest lifetime `--expires-in` accepts: ten years.
    static let maximumLifetime = 10 * 365 * 86_400

    /// `trailbrake token create --driver NAME`: prints a new token, alone, on stdout (for scripts).
    /// With `--count N` it makes drivers `NAME-1` ... `NAME-N` and prints one token per line (the
    /// load tool reads such a file: one driver, one token). The token's id (for `token revoke`)
    /// goes to stderr.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for a driver (the driver is created when new).")

        @Option(help: "Driver name.")
        var driver: String

        @Option(help: "Make this many drivers, NAME-1 ... NAME-N, one token each, one per line.")
        var count: Int = 1

        @Option(help: "The token stops working after this long, e.g. 30d, 12h (default: never).")
        var expiresIn: LifetimeText?

        @Option(help: "A note shown by `token list`, e.g. the machine the token is for.")
        var label: String?

        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard !driver.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--driver must not be empty") }
            guard (1...100_000).contains(count) else { throw ValidationError("--count must be 1...100000") }
            if let expiresIn, !(60...TokenCommand.maximumLifetime).contains(expiresIn.seconds) {
                throw ValidationError("--expires-in must be between 1m and 3650d")
            }
            if let label, label.count > 100 { throw ValidationError("--label must be at most 100 characters") }
        }

        func run() async throws {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(configuration.log)
            let backend = try Backend.open(configuration, logger: logger)
            let tokens = TokenRepository(database: backend.database)
            let expiresAt = expiresIn.map { Date().addingTimeInterval(Double($0.seconds)) }
            let names = count == 1 ? [driver] : (1...count).map { "\(driver)-\($0)" }
            for name in names {
                let target: AuthenticatedDriver
                if let existing = try await backend.admin.driver(named: name) {
                    target = existing
                } else {
                    target = try await backend.admin.createDriver(name: name)
                }
                let issued = try await tokens.issue(for: target.id, label: label, expiresAt: expiresAt)
                print(issued.token)
                if count == 1 {
                    let expiry = issued.expiresAt.map { " (expires \(TokenTable.time($0)))" } ?? ""
                    FileHandle.standardError.write(Data("token id \(issued.id) for \(name)\(expiry)\n".utf8))
                }
            }
        }
    }

    /// `trailbrake token list [--driver NAME]`: every token's id, driver, label, dates and status.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never the tokens themselves).")

        @Option(help: "Only this driver's tokens.")
        var driver: String?

        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(configuration.log)
            let backend = try Backend.open(configuration, logger: logger)
            var driverID: Int64?
            if let driver {
                guard let found = try await backend.admin.driver(named: driver) else {
                    throw commandFailure("driver_not_found", "no driver named \(driver)")
                }
                driverID = found.id
            }
            let records = try await TokenRepository(database: backend.database).list(driverID: driverID)
            print(TokenTable.render(records, now: Date()))
        }
    }

    /// `trailbrake token revoke ID...` or `--driver NAME`: the token stops working at once for
    /// REST, and a running server closes its live sessions within `auth.token_check_seconds`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke tokens by id (see `token list`), or every token of a driver.")

        @Argument(help: "Token ids.")
        var ids: [Int64] = []

        @Option(help: "Revoke every token of this driver.")
        var driver: String?

        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard ids.isEmpty != (driver == nil) else { throw ValidationError("give token ids or --driver, not both") }
        }

        func run() async throws {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(configuration.log)
            let backend = try Backend.open(configuration, logger: logger)
            let tokens = TokenRepository(database: backend.database)
            if let driver {
                guard let found = try await backend.admin.driver(named: driver) else {
                    throw commandFailure("driver_not_found", "no driver named \(driver)")
                }
                let revoked = try await tokens.revokeAll(driverID: found.id)
                print("revoked \(revoked.count) token(s) of \(found.name)\(revoked.isEmpty ? "" : ": \(revoked.map(String.init).joined(separator: ", "))")")
                return
            }
            for id in ids {
                do {
                    print(try await tokens.revoke(tokenID: id) ? "revoked token \(id)" : "token \(id) was already revoked")
                } catch StorageError.notFound {
                    throw commandFailure("token_not_found", "no token with id \(id)")
                }
            }
        }
    }
}

/// `trailbrake token list` as a table: `id | driver | label | created | expires | status`.
enum TokenTable {
    static func render(_ records: [TokenRecord], now: Date) -> String {
        guard !records.isEmpty else { return "no tokens" }
        let rows = records.map { record in
            [
                "\(record.id)", record.driverName, record.label ?? "", time(record.createdAt), record.expiresAt.map(time) ?? "never",
                record.status(at: now).rawValue,
            ]
        }
        let header = ["id", "driver", "label", "created", "expires", "status"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ")
                .trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    /// UTC, to the minute: `2026-03-01 14:05Z`.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm'Z'"
        return formatter.string(from: date)
    }
}
