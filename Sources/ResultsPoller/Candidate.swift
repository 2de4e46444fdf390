import Foundation

/// A subsession some tracked member took part in, found by a recent-races list or a league
/// search, before its result is read.
struct Candidate: Sendable {
    var subsessionID: Int
    var startTime: Date?
    var endTime: Date?
    var memberIDs: Set<Int>
}

/// Candidates from every source, merged by subsession.
struct CandidateSet: Sendable {
    private(set) var bySubsession: [Int: Candidate] = [:]

    mutating func add(subsessionID: Int, memberID: Int, startTime: Date?, endTime: Date?) {
        var candidate = bySubsession[subsessionID] ?? Candidate(subsessionID: subsessionID, memberIDs: [])
        candidate.memberIDs.insert(memberID)
        candidate.startTime = candidate.startTime ?? startTime
        candidate.endTime = candidate.endTime ?? endTime
        bySubsession[subsessionID] = candidate
    }

    mutating func merge(_ other: CandidateSet) {
        for candidate in other.bySubsession.values {
            for member in candidate.memberIDs {
                add(subsessionID: candidate.subsessionID, memberID: member, startTime: candidate.startTime, endTime: candidate.endTime)
            }
        }
    }

    /// Oldest first, so posts go out in the order the sessions ran.
    var ordered: [Candidate] {
        bySubsession.values.sorted { ($0.startTime ?? .distantPast, $0.subsessionID) < ($1.startTime ?? .distantPast, $1.subsessionID) }
    }
}
