import Coaching
import Foundation
import GRDB
import Testing

@testable import Storage

/// Drivers' coaching settings between sessions (`v13-driver-coaching-settings`): stored per
/// driver, replaced on save, gone with the driver, and a stored value this build does not know
/// reads back as the default rather than failing the session.
@Suite struct DriverSettingsRepositoryTests {
    static let chatty = DriverSettings(
        preferences: CoachingPreferences(verbosity: .approach, units: .imperial, disabledTopics: [.gear, .brakePoint]),
        language: .turkish)

    @Test func settingsAreKeptPerDriverAndReplacedOnSave() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        let alice = try await drivers.createDriver(name: "alice")
        let bob = try await drivers.createDriver(name: "bob")
        let repository = DriverSettingsRepository(database: database)
        #expect(try await repository.settings(driverID: alice.id) == nil)
        try await repository.save(Self.chatty, driverID: alice.id)
        #expect(try await repository.settings(driverID: alice.id) == Self.chatty)
        #expect(try await repository.settings(driverID: bob.id) == nil, "one driver's settings are not another's")
        try await repository.save(DriverSettings(), driverID: alice.id)
        #expect(try await repository.settings(driverID: alice.id) == DriverSettings())
        try await database.writer.write { db in try db.execute(sql: "DELETE FROM drivers WHERE id = ?", arguments: [alice.id]) }
        let left = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM driver_coaching_settings") }
        #expect(left == 0)
    }

    @Test func unknownStoredValuesReadBackAsTheDefaults() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let driver = try await DriverRepository(database: database).createDriver(name: "alice")
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO driver_coaching_settings (driver_id, verbosity, units, topics_off, language, updated_at)
                    VALUES (?, 'shouty', 'furlongs', 'gear,,no_such_topic', 'de', ?)
                    """,
                arguments: [driver.id, Date()])
        }
        let read = try await DriverSettingsRepository(database: database).settings(driverID: driver.id)
        #expect(read == DriverSettings(preferences: CoachingPreferences(disabledTopics: [.gear])))
    }
}
