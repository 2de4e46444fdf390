import Foundation

/// Sending a feature's reply (league numbers, team tools): at once, or deferred and then
/// edited, with its file when it has one.
extension DiscordBot {
    /// Sends the reply; returns the answer that went out (nil when sending failed).
    @discardableResult
    func send(_ reply: LeagueReply, for interaction: Interaction) async -> LeagueAnswer? {
        do {
            switch reply {
            case .now(let answer):
                try await rest.respond(
                    toInteraction: interaction.id, token: interaction.token, .message(LeagueCommandHandler.fitted(answer.text)))
                return answer
            case .later(let work):
                try await rest.respond(toInteraction: interaction.id, token: interaction.token, .deferred())
                let answer = await work()
                guard let application = await state.applicationID ?? interaction.applicationID else {
                    throw DiscordError.invalidConfiguration("application id unknown")
                }
                try await rest.editOriginalResponse(
                    application: application, token: interaction.token, MessagePayload(content: LeagueCommandHandler.fitted(answer.text)),
                    file: answer.file)
                return answer
            }
        } catch {
            logger.warning(
                "answering a command failed", metadata: ["command": "\(interaction.data?.name ?? "?")", "error": "\(error)"])
            return nil
        }
    }

}
