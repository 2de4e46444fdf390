/// What one cycle did, for the health endpoint, the logs and the tests.
public struct PollCycleReport: Sendable, Equatable {
    public var trackedMembers = 0
    /// Members whose recent races (and league searches) were read without error.
    public var membersChecked = 0
    public var resultsFetched = 0
    public var postsQueued = 0
    public var postsPublished = 0
    public var duplicatesSkipped = 0
    public var pendingAfter = 0
    /// Stable codes of the errors met, first one first.
    public var errors: [String] = []

    public init() {}
}
