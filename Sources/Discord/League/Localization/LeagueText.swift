/// Every sentence of the league-numbers commands, replies and announcements. Each language has a
/// table with every key (LeagueStrings+English.swift, LeagueStrings+Turkish.swift); a test
/// checks that both have them all, with the same placeholders.
enum LeagueText: String, CaseIterable, Sendable {
    // Access and failures
    case notInServer, notSetUp, adminOnly, manageServerOnly, failed, unknownCommand
    // Numbers
    case invalidNumber, outOfRange, leadingZerosOff, claimed, alreadyYours, takenBy, limitReached
    case released, notHeld, notYours
    case myNumbersNone, myNumbersHeader, myNumbersLinked, myNumbersNotLinked
    case checkFree, checkHeld
    case availableHeader, availableNone, availableBadRange, availableZerosNote
    // Sync states
    case stateUnchecked, stateSynced, stateMissing, stateDifferent, stateUnlinked
    // Links
    case invalidMemberID, linked, linkedUnverified, linkedWithoutLeague, linkNotInRoster, linkTaken, linkUnchanged, linkedMember
    // Roster
    case rosterEmpty, rosterHeader, rosterMore
    // Admin
    case forceReleased, assigned, assignAlready, assignTaken, invalidUser
    // Sync
    case syncUnavailable, syncNoLeague, syncCoolingDown, syncBusy, syncFailed, syncDone, syncPosted, syncNothingNew, syncNoChannel
    case syncStatusNever, syncStatusLast, syncStatusFailed, syncStatusNext, syncStatusNoSchedule
    case syncStatusDifferences, syncStatusNoDifferences, syncStatusCounts
    // Announcements
    case announceDifferences, announceMissing, announceDifferent, announceClaimed, announceReleased, announceForceReleased
    case announceAssigned
    // Settings
    case settingsHeader, settingLeague, settingRange, settingPerMember, settingLeadingZeros, settingAdminRole, settingChannel
    case settingLanguage, settingSyncInterval
    case valueNone, valueOn, valueOff, valueDefaultInterval, valueNoSchedule, valueMinutes
    case invalidRange, invalidLeague, invalidLanguage, everyoneRole, invalidRole, invalidChannel, invalidPerMember, invalidInterval
    case configUnchanged, rangeLeavesClaims, setupSaved, setupNextSteps
    // Export
    case exportDone, exportEmpty
    // Audit log
    case auditHeader, auditEmpty, auditBadLimit, auditScheduledSync
    case auditClaim, auditRelease, auditForceRelease, auditAssign, auditLink, auditUnlink, auditConfig, auditSync
    // Help
    case helpMembers, helpAdmins
}
