import Coaching
import Foundation

/// A cue as stored: the cue itself, the lap it was given on and when it was sent.
public struct RecordedCue: Sendable, Equatable {
    public var cue: Cue
    public var lapNumber: Int32
    public var sentAt: Date

    public init(cue: Cue, lapNumber: Int32, sentAt: Date) {
        self.cue = cue
        self.lapNumber = lapNumber
        self.sentAt = sentAt
    }
}
