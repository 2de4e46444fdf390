import Foundation
import Integration
import Storage

/// `/coach link` and `/coach unlink`: a driver's consent for this guild to see them.
///
/// A guild sees a driver (`/coach report`, `/coach follow` and the live feed) only after the
/// driver opted in: `trailbrake discord link-code --driver NAME` prints a one-time code, and
/// whoever enters it here with `/coach link` links the driver to this guild (any member may:
/// holding the code is the driver's consent). The member who entered it, or anyone with Manage
/// Server, can withdraw it with `/coach unlink`; the driver can from the CLI.
struct CoachLinkCommands {
    let bot: DiscordBot
    let guild: GuildID
    let interaction: Interaction
    let strings: BotStrings

    private var guildKey: String { guild.description }

    func link() async throws -> CommandHandler.Answer {
        guard let user = interaction.member?.user?.id else { return .now(strings(.notInServer)) }
        let code = interaction.string("code") ?? ""
        guard let link = try await bot.repository.links.redeem(code: code, guildID: guildKey, userID: user) else {
            return .now(strings(.linkCodeInvalid))
        }
        let name = FeedFormatter.escape(link.driverName)
        return .now(strings(.linked, ["driver": name]))
    }

    func unlink() async throws -> CommandHandler.Answer {
        let driver = interaction.string("driver")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !driver.isEmpty, driver.count <= 64 else { return .now(strings(.unlinkNeedsName)) }
        let name = FeedFormatter.escape(driver)
        guard let link = try await bot.repository.links.link(guildID: guildKey, driverName: driver) else {
            return .now(strings(.unlinkNotLinked, ["driver": name]))
        }
        guard interaction.member?.user?.id == link.linkedByUserID || interaction.memberCanManageGuild else {
            return .now(strings(.unlinkNotAllowed, ["driver": name]))
        }
        try await bot.repository.links.unlink(guildID: guildKey, driverID: link.driverID)
        return .now(strings(.unlinked, ["driver": name]))
    }

    /// nil when the driver opted in to this guild, else the refusal to answer with. A driver who
    /// does not exist gets the same answer, so names cannot be probed.
    func refusalUnlessLinked(_ driver: String) async throws -> CommandHandler.Answer? {
        guard try await bot.repository.links.link(guildID: guildKey, driverName: driver) == nil else { return nil }
        let name = FeedFormatter.escape(driver)
        return .now(strings(.notShared, ["driver": name]))
    }
}
