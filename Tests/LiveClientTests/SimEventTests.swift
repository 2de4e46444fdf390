import LiveClient
import Telemetry
import Testing

@Suite struct SimEventTests {
    @Test func sessionEventsCompareByDescriptor() {
        let a = SessionDescriptor(sim: "gt7", track: TrackDescriptor(name: "Brands Hatch", configuration: "Indy", length: 1929), car: "", sessionType: "practice")
        var b = a
        #expect(SimEvent.session(a) == SimEvent.session(b))
        b.car = "Alfa Romeo 155"
        #expect(SimEvent.session(a) != SimEvent.session(b))
    }
}
