import SimTelemetry
import SimTestSupport
import Telemetry
import Testing

/// GT7, Assetto Corsa and Forza send the car's world position in metres (x and z horizontal);
/// each mapper puts it in the frame as `WorldPosition` degrees, so the racing line works for them
/// (docs/coaching.md, "Racing line"). Replayed from the real GT7 Brands Hatch laps in each sim's
/// layout: every frame carries the position of a row it was made from, to the millimetre.
@Suite struct WorldPositionMappingTests {
    /// World x/z (mm: the export's resolution) of every row of laps `seqs`.
    static func rowPositions(_ recording: GT7Recording, seqs: ClosedRange<Int>) -> Set<[Int]> {
        Set(seqs.flatMap { recording.rows(ofSeq: $0) }.map { [Self.millimetres(Double(Float($0.x))), Self.millimetres(Double(Float($0.z)))] })
    }

    static func millimetres(_ metres: Double) -> Int { Int((metres * 1000).rounded()) }

    /// The frame's position back in world metres, rounded to mm; nil without one.
    static func world(_ frame: TelemetryFrame) -> [Int]? {
        guard frame.presentChannels.contains(.latitude), frame.latitude.isFinite, frame.longitude.isFinite else { return nil }
        return [
            millimetres((frame.longitude - WorldPosition.originLongitude) * WorldPosition.metresPerDegree),
            millimetres(frame.latitude * WorldPosition.metresPerDegree),
        ]
    }

    static func expectPositions(_ frames: [TelemetryFrame], from rows: Set<[Int]>, sim: String) {
        #expect(frames.count > 1_000, "\(sim): \(frames.count) frames")
        let unmatched = frames.filter { frame in Self.world(frame).map { !rows.contains($0) } ?? true }
        #expect(unmatched.isEmpty, "\(sim): \(unmatched.count) frames without a row's position, first \(String(describing: unmatched.first))")
    }

    @Test func gt7FramesCarryTheWorldPosition() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let length = RecordedOtherSims.referenceLength(recording)
        var mapper = GT7FrameMapper(configuration: GT7SessionConfiguration(trackName: "Brands Hatch", trackLength: length))
        let frames = GT7RecordedStream.packets(recording).flatMap { mapper.process($0) }.compactMap { if case .frame(let f) = $0 { f } else { nil } }
        Self.expectPositions(frames, from: Self.rowPositions(recording, seqs: recording.laps.first!.seq...recording.laps.last!.seq), sim: "gt7")
    }

    @Test func assettoCorsaFramesCarryTheWorldPosition() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let length = RecordedOtherSims.referenceLength(recording)
        var mapper = ACFrameMapper(
            configuration: .init(trackLength: length), handshake: ACHandshakeResponse(carName: "c", driverName: "d", trackName: "t", trackConfig: ""))
        let frames = RecordedOtherSims.acCarInfos(recording, seqs: 4...6).flatMap { mapper.process($0) }
            .compactMap { if case .frame(let f) = $0 { f } else { nil } }
        Self.expectPositions(frames, from: Self.rowPositions(recording, seqs: 4...6), sim: "ac")
    }

    @Test func forzaFramesCarryTheWorldPosition() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        var mapper = ForzaFrameMapper(configuration: .init(trackName: "Brands Hatch", trackLength: 1_929))
        let frames = RecordedOtherSims.forzaPackets(recording, seqs: 4...6, format: .horizonDash).flatMap { mapper.process($0) }
            .compactMap { if case .frame(let f) = $0 { f } else { nil } }
        Self.expectPositions(frames, from: Self.rowPositions(recording, seqs: 4...6), sim: "forza")
    }

    /// (0, 0) is what a sim sends without a position: no position, not a point in the sea.
    @Test func theWorldOriginAndNonNumbersAreNoPosition() {
        #expect(WorldPosition.geo(x: 0, z: 0).latitude.isNaN)
        #expect(WorldPosition.geo(x: .nan, z: 3).latitude.isNaN)
        #expect(WorldPosition.geo(x: .infinity, z: 3).longitude.isNaN)
        var frame = TelemetryFrame(sessionTime: 0, lapNumber: 1, lapDistance: 0, speed: 0, throttle: 0, brake: 0, gear: 0)
        frame.setWorldPosition(x: 0, z: 0)
        #expect(!frame.presentChannels.contains(.latitude) && frame.latitude.isNaN)
        frame.setWorldPosition(x: 111.2, z: -5)
        #expect(frame.presentChannels.isSuperset(of: [.latitude, .longitude]))
        #expect(abs(frame.latitude * WorldPosition.metresPerDegree + 5) < 1e-9)
        #expect(abs((frame.longitude - WorldPosition.originLongitude) * WorldPosition.metresPerDegree - 111.2) < 1e-9)
    }
}
