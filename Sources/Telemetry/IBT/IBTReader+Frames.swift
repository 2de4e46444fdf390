extension IBTReader {
    /// Every row as a frame, in file order, with `presentChannels` saying which channels the
    /// file has. Rows are mapped as recorded: the uninitialised row 0 and reset glitches
    /// (reference/iracing-data.md 1.5) are left for lap segmentation to judge.
    /// `Lat`/`Lon` of exactly 0 (iRacing's "not known") are NaN and absent from that frame's
    /// `presentChannels`, so the frame still passes `FrameValidator`.
    public func frames() throws(IBTError) -> [TelemetryFrame] {
        let channels = try IBTFrameChannels(lookup: variable(named:))
        return data.withUnsafeBytes { bytes in
            var frames: [TelemetryFrame] = []
            frames.reserveCapacity(rowCount)
            for row in 0..<rowCount {
                frames.append(channels.frame(IBTRowReader(bytes: bytes, rowStart: rowStart(row))))
            }
            return frames
        }
    }
}
