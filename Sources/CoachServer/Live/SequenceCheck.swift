/// The protocol's sequence rule: within a session batches are numbered 1, 2, 3, ... with no gaps.
enum SequenceCheck: Equatable {
    case accept
    /// Later than expected: the batch is dropped and the client resends from `expected`.
    case gap(expected: UInt64)
    /// Already accepted: ignored, so a resend after a resume never counts twice.
    case duplicate

    init(received: UInt64, lastAccepted: UInt64) {
        if received <= lastAccepted {
            self = .duplicate
        } else if received - lastAccepted == 1 {
            self = .accept
        } else {
            self = .gap(expected: lastAccepted + 1)
        }
    }
}
