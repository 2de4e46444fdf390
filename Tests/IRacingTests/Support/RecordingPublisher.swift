import Foundation
import Integration
import Synchronization

/// Records every post it is given. `refuseAll` makes it throw without recording (Discord down);
/// `hangAfter` makes the n-th call (1-based) record and then never return, as a process killed
/// between posting and marking. Posts the poller hands over as possibly out already
/// (`republish`) are also listed in `republishedKeys`.
final class RecordingPublisher: RaceResultPublisher {
    private let posts = Mutex<[RaceResultPost]>([])
    private let republishes = Mutex<[String]>([])
    let refuseAll: Bool
    let hangAfter: Int?

    init(refuseAll: Bool = false, hangAfter: Int? = nil) {
        self.refuseAll = refuseAll
        self.hangAfter = hangAfter
    }

    var published: [RaceResultPost] { posts.withLock { $0 } }
    var keys: [String] { published.map(\.postKey) }
    var republishedKeys: [String] { republishes.withLock { $0 } }

    func republish(_ post: RaceResultPost, firstAttemptAt: Date) async throws {
        republishes.withLock { $0.append(post.postKey) }
        try await publish(post)
    }

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
