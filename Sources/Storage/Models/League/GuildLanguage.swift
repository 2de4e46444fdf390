/// A guild's language for the bot's replies and announcements (`discord_guilds.language`).
public enum GuildLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case turkish = "tr"
}
