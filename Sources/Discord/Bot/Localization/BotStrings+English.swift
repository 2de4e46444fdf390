extension BotStrings {
    /// English. Names come escaped (`FeedFormatter.escape`).
    static let english: [BotText: String] = [
        .notInServer: "Trailbrake commands work in a server.",
        .failed: "Something went wrong ({code}).",
        .unknownCommand: "Unknown command /{command}.",
        .needsManageServer: "You need the Manage Server permission for /{command}.",

        .linkCodeInvalid: "That code does not work: codes work once and only for a few minutes. Make a new one with `trailbrake discord link-code --driver NAME`.",
        .linked: "This server can now see **{driver}**: `/coach report driver:{driver}`, and admins can `/coach follow` them. Withdraw with `/coach unlink driver:{driver}`.",
        .unlinkNeedsName: "Give a trailbrake driver name.",
        .unlinkNotLinked: "{driver} is not linked to this server.",
        .unlinkNotAllowed: "Only the member who linked {driver}, or someone with Manage Server, can unlink them.",
        .unlinked: "This server can no longer see {driver}; its follows of {driver} are removed.",
        .notShared: "{driver} has not shared their coaching with this server. The driver can run `trailbrake discord link-code --driver {driver}` and enter the code here with `/coach link`.",

        .resultStarters: "{count} starters",
        .resultStrength: "SoF {sof}",
        .resultPosition: "P{position} (class P{classPosition})",
        .resultLaps: "Laps {laps} · Incidents {incidents}x",
        .resultBestLap: "Best lap {time}",
        .resultOut: "Out: {reason}",

        .feedLap: "🏁 **{driver}** lap {lap} at {track}: {time}{delta}{invalid}",
        .feedNoTime: "no time",
        .feedDelta: " ({delta} s to ref)",
        .feedInvalid: " · invalid",
        .feedCue: "📣 **{driver}** lap {lap}{corner}: {text}",
        .feedEnded: "**{driver}** ended the session",

        .reportTitle: "Trailbrake · {session}",
    ]
}
