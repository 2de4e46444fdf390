import Coaching
import LapSynthesis
import Telemetry

extension SeedSources {
    /// Driven frames to cut seed batches from: every real .ibt recording of the shared data (as
    /// the iRacing client would stream it) and a synthetic lap, which is always there.
    public func recordedFrameStreams() -> [[TelemetryFrame]] {
        let recorded = sharedFiles(in: "telemetry", endingWith: ".ibt").compactMap { url in
            try? IBTFile(contentsOf: url).frames()
        }
        let synthetic = LapSynthesizer.frames(track: .clubCircuit, car: .gt4, laps: 1, hz: 10).frames
        return recorded.filter { !$0.isEmpty } + [synthetic]
    }

    /// `perStream` batches from each stream, of growing sizes (1 to 120 frames) spread over it,
    /// the frames' channels limited to those the protocol knows.
    public func seedBatches(perStream: Int) -> [FrameBatch] {
        var batches: [FrameBatch] = []
        for frames in recordedFrameStreams() {
            for index in 0..<perStream {
                let size = min(frames.count, max(1, FrameBatch.maximumFrameCount * (index + 1) / perStream))
                let start = (frames.count - size) * index / max(1, perStream - 1)
                let slice = frames[start..<(start + size)].map { frame -> TelemetryFrame in
                    var frame = frame
                    frame.presentChannels = frame.presentChannels.intersection(.all).union(.required)
                    return frame
                }
                batches.append(FrameBatch(sequence: UInt64(index), frames: slice))
            }
        }
        return batches
    }
}
