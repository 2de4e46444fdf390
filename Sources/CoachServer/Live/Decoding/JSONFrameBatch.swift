import Foundation
import Telemetry

/// The JSON form of a frame batch: `{"type":"frames","seq":7,"frames":[{...}]}`.
struct JSONFrameBatch: Decodable {
    var seq: UInt64
    var frames: [JSONFrame]

    static func decode(_ data: Data) throws(LiveProtocolError) -> FrameBatch {
        let payload: JSONFrameBatch
        do {
            payload = try JSONDecoder().decode(JSONFrameBatch.self, from: data)
        } catch {
            throw LiveProtocolError(.invalidValue, "frames message has a missing or wrongly typed field (\(LiveMessageDecoder.describe(error)))")
        }
        guard (1...FrameBatch.maximumFrameCount).contains(payload.frames.count) else {
            throw LiveProtocolError(.badFrameCount, "a batch holds 1...120 frames, got \(payload.frames.count)")
        }
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(payload.frames.count)
        for (index, frame) in payload.frames.enumerated() {
            frames.append(try frame.telemetryFrame(index: index))
        }
        return FrameBatch(sequence: payload.seq, frames: frames)
    }
}

/// One frame in JSON; the short keys are the protocol's.
struct JSONFrame: Decodable {
    var t: Double?
    var lap: Int32?
    var dist: Float?
    var speed: Float?
    var throttle: Float?
    var brake: Float?
    var gear: Int8?
    var pct: Float?
    var clutch: Float?
    var steer: Float?
    var rpm: Float?
    var latAccel: Float?
    var longAccel: Float?
    var yawRate: Float?
    var lat: Double?
    var lon: Double?
    var pit: Bool?
    var surface: Int8?

    func telemetryFrame(index: Int) throws(LiveProtocolError) -> TelemetryFrame {
        guard let t, let lap, let dist, let speed, let throttle, let brake, let gear else {
            throw LiveProtocolError(.badChannelMask, "frame \(index) lacks a required channel (t, lap, dist, speed, throttle, brake, gear)")
        }
        var present: ChannelMask = .required
        func mark<T>(_ value: T?, _ channel: ChannelMask) { if value != nil { present.insert(channel) } }
        mark(pct, .lapDistanceFraction)
        mark(clutch, .clutch)
        mark(steer, .steering)
        mark(rpm, .rpm)
        mark(latAccel, .lateralAcceleration)
        mark(longAccel, .longitudinalAcceleration)
        mark(yawRate, .yawRate)
        mark(lat, .latitude)
        mark(lon, .longitude)
        mark(pit, .onPitRoad)
        mark(surface, .trackSurface)
        var trackSurface = TrackSurface.onTrack
        if let surface {
            guard let known = TrackSurface(rawValue: surface) else {
                throw LiveProtocolError(.invalidValue, "frame \(index): surface \(surface) is not -1...3")
            }
            trackSurface = known
        }
        return TelemetryFrame(
            sessionTime: t, lapNumber: lap, lapDistance: dist, lapDistanceFraction: pct ?? .nan, speed: speed,
            throttle: throttle, brake: brake, clutch: clutch ?? .nan, steering: steer ?? .nan, gear: gear,
            rpm: rpm ?? .nan, lateralAcceleration: latAccel ?? .nan, longitudinalAcceleration: longAccel ?? .nan,
            yawRate: yawRate ?? .nan, latitude: lat ?? .nan, longitude: lon ?? .nan, onPitRoad: pit ?? false,
            trackSurface: trackSurface, presentChannels: present)
    }
}
