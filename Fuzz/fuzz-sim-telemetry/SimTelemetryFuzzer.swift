import FuzzSupport
import SimTelemetry
import Telemetry

// The console sims' UDP datagrams as the client's adapters take them off the network (GT7,
// Assetto Corsa, Forza): decode each, feed the packets in order to the sim's frame mapper. A
// mapper must announce a session before its first frame, and every frame it sends must pass the
// server's FrameValidator against that session's track length (FrameSanity's promise): a frame
// the server refuses would cost the driver a whole batch.
//
// Input: byte 0 picks the sim (low bits) and whether the driver gave a track length (0x80). Then
// records, each a selector byte and the datagram's bytes; a record cut short by the input's end
// is sent as it is (a short datagram).
// - GT7: variant = selector & 3. Unless 0x08 is set, the bytes are the plaintext: the target
//   writes the magic and encrypts it as the console does, so mutations reach the packet fields
//   rather than dying at the magic check; with 0x08 they are the datagram as received. 0x04: the
//   console was silent before this packet (a new stream).
// - Forza: format = selector & 3 (Sled, FM7 dash, Horizon dash, FM 2023 dash).
// - Assetto Corsa: selector & 1: the handshake's reply, else a car update.

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedWriter.runIfAsked { _ in SimSeeds.all() }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).array
    guard let first = bytes.first else { return 0 }
    let trackLength: Double? = first & 0x80 != 0 ? 3_600 : nil
    var records = SimRecords(bytes: bytes.dropFirst())
    var checker = MapperOutputChecker()
    switch (first & 0x7F) % 3 {
    case 0:
        var mapper = GT7FrameMapper(configuration: GT7SessionConfiguration(trackName: "fuzz", trackLength: trackLength))
        while let selector = records.nextSelector() {
            let variant = GT7PacketVariant.allCases[Int(selector & 3)]
            var datagram = records.take(variant.length)
            if selector & 0x08 == 0 { datagram = SimSeeds.encryptAsConsole(plaintext: datagram, variant: variant) }
            if selector & 0x04 != 0 { mapper.streamRestarted(afterSilence: 10) }
            guard let packet = try? GT7PacketCodec.decode(datagram) else { continue }
            checker.check(mapper.process(packet))
        }
    case 1:
        var mapper = ForzaFrameMapper(configuration: .init(trackLength: trackLength))
        while let selector = records.nextSelector() {
            let format = ForzaFormat.allCases[Int(selector & 3)]
            guard let packet = try? ForzaDashPacket.decode(records.take(format.length)) else { continue }
            checker.check(mapper.process(packet))
        }
    default:
        var mapper: ACFrameMapper?
        while let selector = records.nextSelector() {
            if selector & 1 != 0 {
                guard let reply = try? ACHandshakeResponse.decode(records.take(ACHandshakeResponse.length)) else { continue }
                if mapper?.handshake != reply {
                    mapper = ACFrameMapper(configuration: .init(trackLength: trackLength), handshake: reply)
                    checker = MapperOutputChecker()
                }
            } else {
                guard let info = try? ACCarInfo.decode(records.take(ACCarInfo.length)), var current = mapper else { continue }
                checker.check(current.process(info))
                mapper = current
            }
        }
    }
    return 0
}

/// The input after its first byte, as selector bytes and datagrams.
struct SimRecords {
    var bytes: ArraySlice<UInt8>

    mutating func nextSelector() -> UInt8? { bytes.popFirst() }

    mutating func take(_ count: Int) -> [UInt8] {
        let taken = Array(bytes.prefix(count))
        bytes = bytes.dropFirst(count)
        return taken
    }
}

/// What a mapper promises about its output (see the file's header).
struct MapperOutputChecker {
    private var trackLength: Double?

    mutating func check(_ updates: [SimUpdate]) {
        for update in updates {
            switch update {
            case .session(let session):
                trackLength = session.track.length
            case .frame(let frame):
                guard let trackLength else { fatalError("a frame before any session: \(frame)") }
                do {
                    try FrameValidator.validate(FrameBatch(sequence: 0, frames: [frame]), trackLength: trackLength)
                } catch {
                    fatalError("the server would refuse a mapped frame: \(error) (track \(trackLength) m): \(frame)")
                }
            case .notDriving, .note, .pathRecorded:
                break
            }
        }
    }
}
