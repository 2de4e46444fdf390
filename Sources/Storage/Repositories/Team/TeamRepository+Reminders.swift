import Foundation
import GRDB

extension TeamRepository {
    /// The reminders of a newly published version: unsent ones of older versions go, the new
    /// ones are added, and a row already sent for the same driver, car, stint and start stays
    /// (`INSERT OR IGNORE`), so an unchanged stint is reminded once whatever is republished.
    static func replaceReminders(_ db: Database, _ reminders: [TeamReminder], guildID: String, eventID: Int) throws {
        try db.execute(
            sql: "DELETE FROM team_reminders WHERE guild_id = ? AND event_id = ? AND sent_at IS NULL", arguments: [guildID, eventID])
        for reminder in reminders {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO team_reminders (guild_id, event_id, user_id, car_id, stint_number, starts_at, content)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [guildID, eventID, reminder.userID, reminder.carID, reminder.stintNumber, reminder.startsAt, reminder.content])
        }
    }

    /// When the next unsent reminder is due (its stint's start minus `lead`), or nil when none waits.
    public func nextReminderDue(lead: TimeInterval) async throws -> Date? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Date.fetchOne(db, sql: "SELECT min(starts_at) FROM team_reminders WHERE sent_at IS NULL")?.addingTimeInterval(-lead)
            }
        }
    }

    /// Queues the reminders due at `now` (at most `batch`) and marks them sent in the same
    /// transaction, so a restart never queues one twice. Each DM is keyed
    /// `team-reminder:guild:event:user:car:stint:start`. A stint that has already started
    /// (the server was down through its lead time) is marked without a DM: too late to help.
    /// Returns how many DMs were queued.
    @discardableResult
    public func queueDueReminders(now: Date, lead: TimeInterval, batch: Int = 100) async throws -> Int {
        try await withStorageErrors {
            try await database.writer.write { db in
                let due = try Row.fetchAll(
                    db, sql: "SELECT * FROM team_reminders WHERE sent_at IS NULL AND starts_at <= ? ORDER BY starts_at LIMIT ?",
                    arguments: [now.addingTimeInterval(lead), max(1, batch)])
                var queued = 0
                for row in due {
                    let starts: Date = row["starts_at"]
                    let user: String = row["user_id"]
                    let guild: String = row["guild_id"], event: Int = row["event_id"], car: String = row["car_id"]
                    let stint: Int = row["stint_number"]
                    if starts > now {
                        let key = "team-reminder:\(guild):\(event):\(user):\(car):\(stint):\(Int(starts.timeIntervalSince1970))"
                        if try DiscordRepository.enqueue(db, recipientID: user, content: row["content"], dedupeKey: key) { queued += 1 }
                    }
                    try db.execute(
                        sql: """
                            UPDATE team_reminders SET sent_at = ?
                            WHERE guild_id = ? AND event_id = ? AND user_id = ? AND car_id = ? AND stint_number = ? AND starts_at = ?
                            """,
                        arguments: [now, guild, event, user, car, stint, starts])
                }
                return queued
            }
        }
    }
}
