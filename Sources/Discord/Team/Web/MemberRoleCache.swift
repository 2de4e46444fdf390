import Foundation

/// Guild members' Discord roles as fetched for the web pages, each kept `lifetime` seconds so a
/// page view does not cost two REST calls, at most `capacity` entries (the oldest fetch is
/// dropped past it). A role removed in Discord counts on the web within `lifetime`, and at
/// once for a form (`fresh`).
actor MemberRoleCache {
    private struct Entry { var member: GuildMemberRoles?, fetchedAt: Date }
    private var entries: [String: Entry] = [:]
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval, capacity: Int = 1_000) {
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
    }

    /// The cached member when fetched within `lifetime` before `now` (the outer nil: not cached).
    func member(guild: String, user: String, now: Date) -> GuildMemberRoles?? {
        guard let entry = entries["\(guild):\(user)"], now.timeIntervalSince(entry.fetchedAt) < lifetime,
            now >= entry.fetchedAt
        else { return nil }
        return .some(entry.member)
    }

    func store(_ member: GuildMemberRoles?, guild: String, user: String, now: Date) {
        if entries.count >= capacity, entries["\(guild):\(user)"] == nil,
            let oldest = entries.min(by: { $0.value.fetchedAt < $1.value.fetchedAt })?.key
        {
            entries[oldest] = nil
        }
        entries["\(guild):\(user)"] = Entry(member: member, fetchedAt: now)
    }

    var count: Int { entries.count }
}
