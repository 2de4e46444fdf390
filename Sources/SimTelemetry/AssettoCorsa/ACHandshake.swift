/// What the client sends to Assetto Corsa's UDP server on port 9996: the 12-byte `handshaker`
/// (§2.3 of sim-telemetry-udp.md): identifier, version, operation, three little-endian s32.
public struct ACHandshake: Sendable, Equatable {
    /// §2.2: handshake, then subscribe to car updates (or lap "spot" events), dismiss at the end.
    public enum Operation: Int32, Sendable {
        case handshake = 0
        case subscribeUpdate = 1
        case subscribeSpot = 2
        case dismiss = 3
    }

    public static let length = 12
    /// The game's port (§2.1).
    public static let serverPort = 9996

    /// "Not used" by the game; Kunos' example sends 1 (eIPadDevice).
    public var identifier: Int32
    public var version: Int32
    public var operation: Operation

    public init(operation: Operation, identifier: Int32 = 1, version: Int32 = 1) {
        self.identifier = identifier
        self.version = version
        self.operation = operation
    }

    public var bytes: [UInt8] {
        var writer = DatagramWriter(length: Self.length)
        writer.i32(0, identifier)
        writer.i32(4, version)
        writer.i32(8, operation.rawValue)
        return writer.bytes
    }

    /// Reads a handshake (the fake game in the tests reads what the client sent).
    public static func decode(_ bytes: [UInt8]) throws(DatagramError) -> ACHandshake {
        guard bytes.count == length else { throw .wrongLength(bytes.count, accepted: [length]) }
        let reader = DatagramReader(bytes: bytes)
        guard let operation = Operation(rawValue: reader.i32(8)) else {
            throw .badHeaderField("operationId \(reader.i32(8))")
        }
        return ACHandshake(operation: operation, identifier: reader.i32(0), version: reader.i32(4))
    }
}
