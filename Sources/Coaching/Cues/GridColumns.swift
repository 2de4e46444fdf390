/// The channels of grid points the live lap records (what corners and braking zones read), one
/// array per channel: a whole lap, the live grid's plain blocks, the previous lap's tail, or
/// what `LapWindow` reads.
struct GridColumns: Sendable {
    var time: [Float]
    var speed: [Float]
    var throttle: [Float]
    var brake: [Float]
    var gear: [Int8]

    init(time: [Float], speed: [Float], throttle: [Float], brake: [Float], gear: [Int8]) {
        self.time = time
        self.speed = speed
        self.throttle = throttle
        self.brake = brake
        self.gear = gear
    }

    /// `count` points of zeros (a point not driven yet).
    init(count: Int) {
        time = Array(repeating: 0, count: count)
        speed = Array(repeating: 0, count: count)
        throttle = Array(repeating: 0, count: count)
        brake = Array(repeating: 0, count: count)
        gear = Array(repeating: 0, count: count)
    }

    var count: Int { time.count }

    @inline(__always)
    subscript(index: Int) -> LiveLapRecorder.GridPoint {
        get { LiveLapRecorder.GridPoint(time: time[index], speed: speed[index], throttle: throttle[index], brake: brake[index], gear: gear[index]) }
        set {
            time[index] = newValue.time
            speed[index] = newValue.speed
            throttle[index] = newValue.throttle
            brake[index] = newValue.brake
            gear[index] = newValue.gear
        }
    }

    /// Whether every bit of points `start..<start + count` is zero.
    func isZero(from start: Int, count: Int) -> Bool {
        for index in start..<(start + count)
        where time[index].bitPattern | speed[index].bitPattern | throttle[index].bitPattern | brake[index].bitPattern != 0
            || gear[index] != 0
        {
            return false
        }
        return true
    }

    mutating func zero(from start: Int, count: Int) {
        for index in start..<(start + count) { self[index] = LiveLapRecorder.GridPoint(time: 0, speed: 0, throttle: 0, brake: 0, gear: 0) }
    }

    /// Copies `count` points of `source` from `sourceStart` to this from `start`.
    mutating func copy(_ source: GridColumns, from sourceStart: Int, to start: Int, count: Int) {
        for offset in 0..<count { self[start + offset] = source[sourceStart + offset] }
    }
}
