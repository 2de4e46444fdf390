import Integration
import Synchronization

/// Records every post it is given. `refuseAll` makes it throw without recording (Discord down);
/// `hangAfter` makes the n-th call (1-based) record and then never return, as a process killed
/// between posting and marking.
final class RecordingPublisher: RaceResultPublisher {
    private let posts = Mutex<[RaceResultPost]>([])
    let refuseAll: Bool
    let hangAfter: Int?

    init(refuseAll: Bool = false, hangAfter: Int? = nil) {
        self.refuseAll = refuseAll
        self.hangAfter = hangAfter
    }

    var published: [RaceResultPost] { posts.withLock { $0 } }
    var keys: [String] { published.map(\.postKey) }

    func publish(_ post: RaceResultPost) async throws {
        if refuseAll { throw PublishFailure() }
        let count = posts.withLock { posts in
            posts.append(post)
            return posts.count
        }
        if let hangAfter, count == hangAfter {
            try await Task.sleep(for: .seconds(3_600))
        }
    }

    struct PublishFailure: Error {}
}
