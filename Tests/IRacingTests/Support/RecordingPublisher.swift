import Integration
import Synchronization

/// Records every post it is given. `failAfterRecording` makes it throw after recording, as a
/// publisher whose confirmation was lost; `hangAfter` makes the n-th call (1-based) record and
/// then never return, as a process killed between posting and marking.
final class RecordingPublisher: RaceResultPublisher {
    private let posts = Mutex<[RaceResultPost]>([])
    let failAfterRecording: Bool
    let hangAfter: Int?

    init(failAfterRecording: Bool = false, hangAfter: Int? = nil) {
        self.failAfterRecording = failAfterRecording
        self.hangAfter = hangAfter
    }

    var published: [RaceResultPost] { posts.withLock { $0 } }
    var keys: [String] { published.map(\.postKey) }

    func publish(_ post: RaceResultPost) async throws {
        let count = posts.withLock { posts in
            posts.append(post)
            return posts.count
        }
        if let hangAfter, count == hangAfter {
            try await Task.sleep(for: .seconds(3_600))
        }
        if failAfterRecording { throw PublishFailure() }
    }

    struct PublishFailure: Error {}
}
