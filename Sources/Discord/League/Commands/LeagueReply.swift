import Foundation

/// A league command's answer: at once (type 4), or after deferring (type 5) when it waits on
/// iRacing or builds a file. Always ephemeral: the channel hears about changes through the
/// announcement, not through the member's reply.
enum LeagueReply: Sendable {
    case now(LeagueAnswer)
    /// Errors inside are turned into the guild's "something went wrong" by the work itself.
    case later(@Sendable () async -> LeagueAnswer)
}

struct LeagueAnswer: Sendable {
    var text: String
    var file: LeagueFile?
    /// Posted in the guild's announcement channel after the reply.
    var announcement: LeagueAnnouncementQueue.Announcement?

    init(_ text: String, file: LeagueFile? = nil, announcement: LeagueAnnouncementQueue.Announcement? = nil) {
        self.text = text
        self.file = file
        self.announcement = announcement
    }
}

/// An attachment of a reply (`/export`).
struct LeagueFile: Sendable {
    var filename: String
    var contentType: String
    var bytes: Data
}
