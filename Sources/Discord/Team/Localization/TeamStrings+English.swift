extension TeamStrings {
    /// English. `{user}` comes as a mention (which never pings), times in the reader's zone.
    static let english: [TeamText: String] = [
        .notInServer: "Team tools work in a server, not in direct messages.",
        .failed: "Something went wrong ({code}). Please try again in a moment.",
        .unknownCommand: "Unknown command /{command}.",
        .needsRole: "/{command} is for team members with the {role} role or above; yours is {yours}.",
        .limitReached: "That would pass a limit of this server ({limit}).",
        .roleOwner: "owner",
        .roleAdmin: "admin",
        .roleMember: "member",
        .roleGuest: "guest",

        .rolesHeader: "Discord roles and the team roles they give:",
        .rolesLine: "{role} → {level}",
        .rolesNone: "No Discord role is mapped yet: members with Manage Server are owners, everyone else is a guest.",
        .rolesYours: "Your team role: {level}.",
        .roleMapped: "{role} now gives the team role {level}. Members get it at their next command.",
        .roleUnmapped: "{role} no longer gives a team role.",
        .roleUnchanged: "Nothing changed.",
        .roleEveryone: "@everyone cannot be mapped: choose a role.",
        .roleIncomplete: "Give both ROLE and LEVEL to change the mapping, or neither to see it.",
        .languageSet: "The team's language is now English.",
        .languageUnchanged: "The team's language was already English.",

        .eventCreated: "Event {event} created: {name} at {track}, green flag {start}, {hours} h, stints of {stint} min, {cars} car(s). Drivers sign up with /event signup event:{event}.",
        .invalidStart: "Give the start in UTC as YYYY-MM-DD HH:MM, such as 2026-06-13 14:00, in the future.",
        .invalidLength: "The race must last 1 to {max} hours, with stints of {min} minutes up to the race length.",
        .invalidText: "Names may have at most {max} characters.",
        .noSuchEvent: "There is no event {event} here.",
        .carName: "Car {number}",

        .signedUp: "You are signed up for {name} as iRacing member {member} ({driver}); times are shown in {zone}. Mark your hours with /event available.",
        .signupRefused: "Sign-up refused: {reason}.",
        .invalidZone: "Unknown time zone “{zone}”. Use an IANA name such as Europe/Istanbul or America/New_York.",
        .invalidMemberID: "Give your iRacing member id (customer id), a number such as 123456.",
        .memberNotFound: "iRacing has no member {member}.",
        .memberTaken: "iRacing member {member} is already signed up by someone else.",
        .iracingUnavailable: "iRacing could not be asked now ({code}); the limits cannot be checked, so please try again later.",
        .iracingOff: "iRacing is not connected on this server, so the entry limits cannot be checked.",
        .refusalNoLicence: "you have no {category} licence",
        .refusalIRatingUnknown: "you have no {category} iRating yet",
        .refusalIRatingLow: "your iRating {have} is below the minimum {need}",
        .refusalIRatingHigh: "your iRating {have} is above the maximum {limit}",
        .refusalLicenceLow: "your licence class {have} is below {need}",
        .refusalSafetyLow: "your safety rating {have} is below {need}",

        .availableAdded: "Marked: {from} to {to} ({zone}). You have {count} span(s) for this event.",
        .invalidSpan: "That is not a time on the calendar: give DAY as YYYY-MM-DD, HOUR 0–23 and HOURS 1–{max}.",
        .notSignedUp: "Sign up for event {event} first with /event signup.",

        .planProposed: "Proposed plan for {name} ({count} stints). An admin publishes it with /event publish event:{event}.",
        .planFailed: "No plan keeps every rule. Failing: {constraint}. {detail}",
        .planNoDrivers: "Nobody has signed up for event {event} yet.",
        .constraintEventSetup: "the event setup",
        .constraintEntryLimits: "the entry limits",
        .constraintAvailability: "the drivers' marked hours",
        .constraintMaximumDriving: "the maximum time in the car",
        .constraintMinimumRest: "the minimum rest between stints",
        .constraintSpotter: "a spotter for every stint",
        .published: "Plan version {version} of {name} published; {count} driver(s) get their stints by DM.",
        .noProposal: "There is no proposed plan for event {event}: run /event plan first.",

        .showHeader: "**{name}**, plan v{version}, times in {zone} · page {page} of {pages}",
        .showMore: "Next page: /event show event:{event} page:{next}",
        .noPlan: "No plan of event {event} is published yet.",
        .tableLine: "`{from}–{to}` {car} #{number}: {driver}",
        .tableSpotter: " · spotter {spotter}",
        .tableCaptain: "{car}: captain {captain}",

        .dmHeader: "**Trailbrake · {name}** ({track}), plan v{version}",
        .dmZone: "Your stints, times in {zone}:",
        .dmStint: "• {car}, stint {number}: {from} – {to}",
        .dmSpotting: "• spotting {car}, stint {number}: {from} – {to}",
        .dmNoStints: "You have no stint in this version of the plan.",
        .help: """
            **Team tools**
            /event signup EVENT MEMBER_ID TZ: sign up (your iRating and licence are checked) · /event available EVENT DAY HOUR HOURS: hours you can drive, on your clock · /event show EVENT: the plan in your time zone
            Admins: /team roles [ROLE LEVEL] · /team language · /event create · /event plan EVENT · /event publish EVENT
            """,
    ]
}
