import Foundation

extension ServerConfiguration {
    /// `[admin]`: who may open `/admin` (docs/web.md, "Admin").
    public struct Admin: Sendable, Equatable {
        /// Driver names, comma-separated; a signed-in driver named here is an admin. Empty: nobody.
        public var drivers = ""
        /// Rows per table on `/admin` (drivers, tokens).
        public var maxRows = 500
        /// The poller's cycles kept for `/admin`, newest first.
        public var recentCycles = 20
    }
}

extension ServerConfiguration.Admin {
    /// The admins' names, trimmed, empty entries dropped.
    public var driverNames: Set<String> {
        Set(drivers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}

extension ConfigurationKey {
    package static let admin: [ConfigurationKey] = [
        .string("admin", "drivers", \.admin.drivers),
        .integer("admin", "max_rows", \.admin.maxRows, range: 1...10_000),
        .integer("admin", "recent_cycles", \.admin.recentCycles, range: 1...1_000),
    ]
}
