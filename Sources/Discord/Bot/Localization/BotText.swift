/// Every sentence of the bot's own commands (`/setchannel` … `/coach`, the command errors),
/// its race result embeds, the live coaching feed and the session report DM. Each language has a
/// table with every key (BotStrings+English.swift, BotStrings+Turkish.swift); a test walks every
/// key in both and fails on a missing or untranslated one.
enum BotText: String, CaseIterable, Sendable {
    // Command errors
    case notInServer, failed, unknownCommand, needsManageServer
    // /coach link, /coach unlink
    case linkCodeInvalid, linked, unlinkNeedsName, unlinkNotLinked, unlinkNotAllowed, unlinked, notShared
    // Race result embeds
    case resultStarters, resultStrength, resultPosition, resultLaps, resultBestLap, resultOut
    // The live coaching feed
    case feedLap, feedNoTime, feedDelta, feedInvalid, feedCue, feedEnded
    // The session report DM, /coach report
    case reportTitle, reportHeader, reportDelta, reportsOff, noSession, reportSent
    // /setchannel, /settz
    case setChannelUsage, setChannelKind, setChannelResults, setChannelCues, unknownZone, zoneSet
    // /track, /untrack, /list, /lastrace
    case invalidMember, trackingOff, tracking, untracked, notTracked, trackedNone, trackedHeader, resultsOff, noResult
    // /coach follow, /coach unfollow
    case chooseChannel, following, unfollowed, notFollowed, coachUsage
}
