/// `/help`: the member commands, and the admin ones for admins.
enum LeagueHelp {
    static func reply(_ context: LeagueCommandContext) -> LeagueReply {
        var text = context.strings(.helpMembers)
        if context.isAdmin { text += "\n" + context.strings(.helpAdmins) }
        if context.settings == nil { text += "\n\n" + context.strings(.notSetUp) }
        return .now(LeagueAnswer(text))
    }
}
