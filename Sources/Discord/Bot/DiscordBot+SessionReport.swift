import Foundation
import Integration
import Storage

extension DiscordBot {
    /// DMs the ended session's report to each Discord user who linked the driver to a guild
    /// (`/coach link`: entering the driver's code is the driver's consent), once per user, through
    /// the persistent DM queue. A driver linked nowhere gets nothing; a session with no report
    /// (nothing stored) sends nothing.
    func sendSessionReport(_ end: SessionEndedEvent) async {
        guard let sessionReports else { return }
        do {
            let users = Set(try await repository.links.links(driverID: end.driverID).map(\.linkedByUserID))
            guard !users.isEmpty,
                let text = try await sessionReports.reportText(sessionID: end.sessionID, driverID: end.driverID, language: end.language)
            else { return }
            // The driver's language throughout: the report's own text and its title.
            let title = BotStrings(language: GuildLanguage(rawValue: end.language) ?? .english)(.reportTitle, ["session": end.sessionID])
            for user in users.sorted() {
                try await sendDirectMessage(to: user, title + "\n" + text)
            }
        } catch {
            logger.warning("queueing a session report DM failed", metadata: ["error": "\(error)"])
        }
    }
}
