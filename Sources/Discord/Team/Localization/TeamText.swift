/// Every sentence of the team tools: replies, the plan table and the drivers' DMs. Each
/// language has a table with every key (TeamStrings+English.swift, TeamStrings+Turkish.swift);
/// a test walks every key in both and fails on a missing or untranslated one.
enum TeamText: String, CaseIterable, Sendable {
    // Access and failures
    case notInServer, failed, unknownCommand, needsRole, limitReached
    case roleOwner, roleAdmin, roleMember, roleGuest
    // /team
    case rolesHeader, rolesLine, rolesNone, rolesYours, roleMapped, roleUnmapped, roleUnchanged, roleEveryone, roleIncomplete
    case languageSet, languageUnchanged
    // /event create
    case eventCreated, invalidStart, invalidLength, invalidText, noSuchEvent, carName
    // /event signup
    case signedUp, signupRefused, invalidZone, invalidMemberID, memberNotFound, memberTaken, iracingUnavailable, iracingOff
    case refusalNoLicence, refusalIRatingUnknown, refusalIRatingLow, refusalIRatingHigh, refusalLicenceLow, refusalSafetyLow
    // /event available
    case availableAdded, invalidSpan, notSignedUp
    // /event plan, publish
    case planProposed, planFailed, planNoDrivers, licencesStale
    case constraintEventSetup, constraintEntryLimits, constraintAvailability, constraintMaximumDriving, constraintMinimumRest
    case constraintSpotter
    case published, noProposal
    // Why no plan keeps the rules or an edit is refused (`PlanProblem`, through `PlanProblemText`)
    case problemNoCars, problemLengths, problemDuplicateCars, problemUnknownCrew, problemUnknownCaptain, problemStintCount
    case problemNobodyEligible, problemCrewEmpty, problemMayNotDrive, problemNotSignedUp, problemNotInCrew
    case entryNoLicence, entryIRatingUnknown, entryIRatingLow, entryIRatingHigh, entryLicenceLow, entrySafetyLow
    case problemNobodyFree, problemFreeMinutes, problemDriversAtOnce, problemNoCovering, problemNotFree, problemTwoCars
    case problemCappedMinutes, problemRest, problemMaximum, problemRestOrMaximum, problemRestAndMaximum
    case problemDrivesTooLong, problemShortRest
    case problemNobodyToSpot, problemNoSpotter, problemSpotterNotFree, problemSpotterBusy
    case problemSearchStopped
    // /event show and the plan table
    case showHeader, showMore, noPlan, tableLine, tableSpotter, tableCaptain
    // The drivers' DMs
    case dmHeader, dmZone, dmStint, dmSpotting, dmNoStints
    case dmCaptain
    // Editing the plan, crews and captains; deleting an event
    case noSuchCar, noSuchStint, userNotSignedUp, stintAssigned, editRefused, captainSet, notInCrew, crewChanged, crewEveryone
    case planNowBreaks, republished, deleteConfirm, eventDeleted
    // Stint reminders
    case reminder
    // Broadcasts
    case broadcastQueued, broadcastNobody, broadcastMessage, broadcastStatus, broadcastClosed, broadcastNoSuch, broadcastInvalid
    case audienceDrivers, audienceCrew, audienceRole
    case help
}
