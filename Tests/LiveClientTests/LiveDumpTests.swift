import Foundation
import Synchronization
import Telemetry
import TestSupport
import Testing

@testable import LiveClient

/// The iRacing source on a dump of the sim's real live map (Monza, three row buffers) says what
/// pyirsdk, an independent reader, reads from it: the hello's track, car and session, and every
/// channel of the frame it sends, bit for bit.
@Suite(
    .enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"),
    .enabled(if: PyirsdkTool.python.url != nil, "\(PyirsdkTool.python.reason)"))
struct LiveDumpTests {
    static var dumpURL: URL {
        TestData.sharedDataDirectory!.appendingPathComponent("telemetry/live/teamjorge_live_memory_map_dump.bin")
    }

    /// pyirsdk's reading of the dump (`scripts/ibt_dump.py --live`).
    static func pyirsdk() throws -> [String: Any] {
        let python = try #require(PyirsdkTool.python.url)
        let script = TestData.packageRoot.appendingPathComponent("scripts/ibt_dump.py").path
        let output = try PyirsdkTool.run(python, [script, "--live", dumpURL.path])
        let document = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        return try #require(document["live"] as? [String: Any])
    }

    /// The events the source emits for the dump.
    static func sourceEvents() async throws -> [SimEvent] {
        let events = Mutex<[SimEvent]>([])
        try await IRacingSource(opener: LiveDumpOpener(url: dumpURL)).run { event in events.withLock { $0.append(event) } }
        return events.withLock { $0 }
    }

    @Test func theHelloAndTheFrameAreWhatPyirsdkReads() async throws {
        let oracle = try Self.pyirsdk()
        let hello = try #require(oracle["hello"] as? [String: Any])
        let values = try #require(oracle["values"] as? [String: Any])
        let events = try await Self.sourceEvents()
        let sessions = events.compactMap { if case .session(let session) = $0 { session } else { nil } }
        let frames = events.compactMap { if case .frame(let frame) = $0 { frame } else { nil } }
        #expect(sessions.count == 1 && frames.count == 1)
        let session = try #require(sessions.first)
        #expect(session.track.name == hello["track"] as? String)
        #expect(session.track.configuration == (hello["config"] as? String ?? ""))
        #expect("\(session.track.length / 1000) km" == hello["length"] as? String)
        #expect(session.car == hello["car"] as? String)
        #expect(session.sessionType == (hello["session"] as? String)?.lowercased())

        let frame = try #require(frames.first)
        func number(_ name: String) throws -> Double {
            let value = try #require(values[name], "pyirsdk has no \(name)")
            if let list = value as? [Any] { return try #require((list.first as? NSNumber)?.doubleValue) }
            if let flag = value as? Bool { return flag ? 1 : 0 }
            return try #require((value as? NSNumber)?.doubleValue, "\(name) = \(value)")
        }
        #expect(frame.sessionTime == (try number("SessionTime")))
        #expect(Double(frame.lapNumber) == (try number("Lap")))
        #expect(frame.lapDistance == Float(try number("LapDist")))
        #expect(frame.lapDistanceFraction == Float(try number("LapDistPct")))
        #expect(frame.speed == Float(try number("Speed")))
        #expect(frame.throttle == Float(try number("Throttle")))
        #expect(frame.brake == Float(try number("Brake")))
        #expect(frame.clutch == Float(try number("Clutch")))
        #expect(frame.steering == Float(try number("SteeringWheelAngle")))
        #expect(Double(frame.gear) == (try number("Gear")))
        #expect(frame.rpm == Float(try number("RPM")))
        #expect(frame.lateralAcceleration == Float(try number("LatAccel")))
        #expect(frame.longitudinalAcceleration == Float(try number("LongAccel")))
        #expect(frame.yawRate == Float(try number("YawRate")))
        #expect(frame.onPitRoad == (try number("OnPitRoad") != 0))
        #expect(Double(frame.trackSurface.rawValue) == (try number("PlayerTrackSurface")))
        // The live map of this car has no position channels: pyirsdk lists none, the frame sends none.
        #expect(values["Lat"] == nil && values["Lon"] == nil)
        #expect(frame.presentChannels.isDisjoint(with: [.latitude, .longitude]))
    }

    @Test func theDumpIsOneMomentThenTheSourceEnds() async throws {
        let events = try await Self.sourceEvents()
        #expect(events.first.map { if case .session = $0 { true } else { false } } == true)
        #expect(events.contains(.status(.streaming)))
    }
}
