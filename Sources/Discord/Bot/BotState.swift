/// The little mutable state the bot keeps in memory: the application id (from the
/// configuration or READY) and the guilds whose commands are registered.
actor BotState {
    private(set) var applicationID: String?
    private var registeredGuilds: Set<String> = []

    init(applicationID: String?) { self.applicationID = applicationID }

    func learnApplicationID(_ id: String) {
        if applicationID == nil { applicationID = id }
    }

    /// True the first time for a guild: its commands still need registering.
    func markRegistered(_ guild: String) -> Bool {
        registeredGuilds.insert(guild).inserted
    }

    func forgetRegistration(_ guild: String) { registeredGuilds.remove(guild) }
}
