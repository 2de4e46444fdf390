import Foundation

/// What a publish queues beside the new version: the DMs (to the drivers it concerns) and one
/// reminder per driver and stint, sent a lead time before the stint (`TeamReminderRow`).
public struct TeamPublication: Sendable, Hashable {
    public var messages: [TeamPlanMessage]
    public var reminders: [TeamReminder]

    public init(messages: [TeamPlanMessage], reminders: [TeamReminder] = []) {
        self.messages = messages
        self.reminders = reminders
    }
}

/// A driver's stint to be reminded of: who, which car and stint, when it starts, and the DM.
public struct TeamReminder: Sendable, Hashable {
    public var userID: String
    public var carID: String
    public var stintNumber: Int
    public var startsAt: Date
    public var content: String

    public init(userID: String, carID: String, stintNumber: Int, startsAt: Date, content: String) {
        self.userID = userID
        self.carID = carID
        self.stintNumber = stintNumber
        self.startsAt = startsAt
        self.content = content
    }
}
