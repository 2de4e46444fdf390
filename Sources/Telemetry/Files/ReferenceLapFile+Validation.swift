extension ReferenceLapFile {
    /// The rules every stored reference lap obeys, so that alignment can index it blindly:
    /// equal channel lengths, at least two grid points, spacing 1 m (file version 1), time
    /// starting at 0 and strictly increasing (the car always moves forward along the grid),
    /// every value finite, and metadata with a positive track length and lap time.
    public static func validate(_ lap: ReferenceLap) throws(ReferenceFileError) {
        let count = lap.time.count
        let channels: [(String, [Float])] = [
            ("speed", lap.speed), ("throttle", lap.throttle), ("brake", lap.brake), ("steering", lap.steering),
        ]
        for (name, values) in channels where values.count != count {
            throw .channelLengthMismatch(channel: name, expected: count, found: values.count)
        }
        guard lap.gear.count == count else { throw .channelLengthMismatch(channel: "gear", expected: count, found: lap.gear.count) }
        guard count >= 2 else { throw .invalidValue("a reference lap needs at least 2 grid points, has \(count)") }
        guard lap.gridSpacing == 1 else { throw .invalidValue("grid spacing must be 1 m in version 1, is \(lap.gridSpacing)") }
        for (name, values) in [("time", lap.time)] + channels {
            if let index = values.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(channel: name, index: index) }
        }
        guard lap.time[0] == 0 else { throw .timeNotStartingAtZero(Double(lap.time[0])) }
        for index in 1..<count where !(lap.time[index] > lap.time[index - 1]) {
            throw .timeNotIncreasing(index: index)
        }
        let metadata = lap.metadata
        guard metadata.track.length.isFinite, metadata.track.length > 0 else {
            throw .invalidValue("metadata.track.length must be a positive number of metres, is \(metadata.track.length)")
        }
        guard metadata.lapTime.isFinite, metadata.lapTime > 0 else {
            throw .invalidValue("metadata.lapTime must be a positive number of seconds, is \(metadata.lapTime)")
        }
    }
}
