import Coaching
import LapSynthesis
import Foundation
import ReferenceTools
import Telemetry
import Testing

@Suite struct ReferenceExporterTests {
    static let lap = LapSynthesizer.referenceLap(track: .clubCircuit, car: .gt4)

    @Test func csvHasOneRowPerMetreWithTheChannelsInOrder() throws {
        let text = String(decoding: ReferenceExporter.export(Self.lap, as: .csv), as: UTF8.self)
        let rows = text.split(separator: "\n")
        #expect(rows.count == Self.lap.count + 1)
        #expect(rows.first == "distance_m,time_s,speed_mps,throttle,brake,steering_rad,gear")
        let index = Self.lap.count / 2
        let fields = rows[index + 1].split(separator: ",").compactMap { Double($0) }
        try #require(fields.count == 7)
        #expect(fields[0] == Double(index))
        #expect(abs(fields[1] - Double(Self.lap.time[index])) < 0.0001)
        #expect(abs(fields[2] - Double(Self.lap.speed[index])) < 0.001)
        #expect(Int(fields[6]) == Int(Self.lap.gear[index]))
    }

    @Test func jsonIsTheReferenceFileFormatAndReadsBack() throws {
        let data = ReferenceExporter.export(Self.lap, as: .json)
        let read = try ReferenceLapFile.decode(data)
        #expect(read.count == Self.lap.count)
        #expect(abs(read.metadata.lapTime - Self.lap.metadata.lapTime) < 1e-9)
    }

    @Test func lapLinesPrintThreeDecimals() {
        let track = TrackDescriptor(name: "Spa-Francorchamps", configuration: "GP", length: 6938)
        #expect(LapLine.imported(track: track, car: "GT4", lap: 7, lapTime: 150.2974) == "Spa-Francorchamps (GP) | GT4 | lap 7 | 150.297 s")
    }
}
