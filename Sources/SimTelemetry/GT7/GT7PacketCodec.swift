/// Encrypted GT7 datagrams to packets and back (§1.3-§1.6 of sim-telemetry-udp.md).
public enum GT7PacketCodec {
    /// Length check, decryption with the mask the length implies, magic check, fields.
    public static func decode(_ datagram: [UInt8]) throws(DatagramError) -> GT7Packet {
        guard let variant = GT7PacketVariant(datagramLength: datagram.count) else {
            throw .wrongLength(datagram.count, accepted: GT7PacketVariant.acceptedLengths)
        }
        let plaintext = try GT7Cipher.decrypt(datagram, mask: variant.nonceMask)
        let reader = DatagramReader(bytes: plaintext)
        let magic = reader.u32(0)
        guard magic == GT7PacketLayout.magic else { throw .badMagic(magic) }
        return GT7PacketLayout.read(reader, variant: variant)
    }

    /// The datagram a console would send for `packet` (its variant decides length and mask).
    public static func encode(_ packet: GT7Packet, seed: UInt32) throws(DatagramError) -> [UInt8] {
        try GT7Cipher.encrypt(GT7PacketLayout.write(packet), seed: seed, mask: packet.variant.nonceMask)
    }
}
