/// The little mutable state the bot keeps in memory: the application id (from the
/// configuration or READY), the bot's own user id (from READY or `GET /users/@me`) and the
/// guilds whose commands are registered.
actor BotState {
    private(set) var applicationID: String?
    /// The author id of the bot's own messages.
    private(set) var userID: String?
    private var registeredGuilds: Set<String> = []

    init(applicationID: String?) { self.applicationID = applicationID }

    func learnApplicationID(_ id: String) {
        if applicationID == nil { applicationID = id }
    }

    func learnUserID(_ id: String) { userID = id }

    /// True the first time for a guild: its commands still need registering.
    func markRegistered(_ guild: String) -> Bool {
        registeredGuilds.insert(guild).inserted
    }

    func forgetRegistration(_ guild: String) { registeredGuilds.remove(guild) }
}
