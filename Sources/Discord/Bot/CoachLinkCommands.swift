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

    private var guildKey: String { guild.description }

    func link() async throws -> CommandHandler.Answer {
        guard let user = interaction.member?.user?.id else { return .now("Trailbrake commands work in a server.") }
        let code = interaction.string("code") ?? ""
        guard let link = try await bot.repository.links.redeem(code: code, guildID: guildKey, userID: user) else {
            return .now(
                "That code does not work: codes work once and only for a few minutes. "
                    + "Make a new one with `trailbrake discord link-code --driver NAME`.")
        }
        let name = FeedFormatter.escape(link.driverName)
        return .now("This server can now see **\(name)**: `/coach report driver:\(name)`, and admins can `/coach follow` them. Withdraw with `/coach unlink driver:\(name)`.")
    }

    func unlink() async throws -> CommandHandler.Answer {
        let driver = interaction.string("driver")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !driver.isEmpty, driver.count <= 64 else { return .now("Give a trailbrake driver name.") }
        let name = FeedFormatter.escape(driver)
        guard let link = try await bot.repository.links.link(guildID: guildKey, driverName: driver) else {
            return .now("\(name) is not linked to this server.")
        }
        guard interaction.member?.user?.id == link.linkedByUserID || interaction.memberCanManageGuild else {
            return .now("Only the member who linked \(name), or someone with Manage Server, can unlink them.")
        }
        try await bot.repository.links.unlink(guildID: guildKey, driverID: link.driverID)
        return .now("This server can no longer see \(name); its follows of \(name) are removed.")
    }

    /// nil when the driver opted in to this guild, else the refusal to answer with. A driver who
    /// does not exist gets the same answer, so names cannot be probed.
    func refusalUnlessLinked(_ driver: String) async throws -> CommandHandler.Answer? {
        guard try await bot.repository.links.link(guildID: guildKey, driverName: driver) == nil else { return nil }
        let name = FeedFormatter.escape(driver)
        return .now(
            "\(name) has not shared their coaching with this server. The driver can run "
                + "`trailbrake discord link-code --driver \(name)` and enter the code here with `/coach link`.")
    }
}
