/// AC's 408-byte answer to a handshake (§2.4 of sim-telemetry-udp.md): who drives what where.
public struct ACHandshakeResponse: Sendable, Equatable {
    public static let length = 408

    public var carName: String
    public var driverName: String
    /// "For now is just 4242" (Kunos).
    public var identifier: Int32
    public var version: Int32
    public var trackName: String
    /// The layout; may be empty.
    public var trackConfig: String

    public init(carName: String, driverName: String, identifier: Int32 = 4242, version: Int32 = 1, trackName: String, trackConfig: String) {
        self.carName = carName
        self.driverName = driverName
        self.identifier = identifier
        self.version = version
        self.trackName = trackName
        self.trackConfig = trackConfig
    }

    public static func decode(_ bytes: [UInt8]) throws(DatagramError) -> ACHandshakeResponse {
        guard bytes.count == length else { throw .wrongLength(bytes.count, accepted: [length]) }
        let reader = DatagramReader(bytes: bytes)
        return ACHandshakeResponse(
            carName: ACText.read(reader, at: 0), driverName: ACText.read(reader, at: 100),
            identifier: reader.i32(200), version: reader.i32(204),
            trackName: ACText.read(reader, at: 208), trackConfig: ACText.read(reader, at: 308))
    }

    /// The datagram the game sends (the fakes).
    public var bytes: [UInt8] {
        var writer = DatagramWriter(length: Self.length)
        ACText.write(carName, to: &writer, at: 0)
        ACText.write(driverName, to: &writer, at: 100)
        writer.i32(200, identifier)
        writer.i32(204, version)
        ACText.write(trackName, to: &writer, at: 208)
        ACText.write(trackConfig, to: &writer, at: 308)
        return writer.bytes
    }
}
