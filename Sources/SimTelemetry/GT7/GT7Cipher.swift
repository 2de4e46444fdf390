import CSodium

/// GT7's Salsa20/20 packet encryption through libsodium (§1.4 of sim-telemetry-udp.md).
///
/// Key: the first 32 bytes of "Simulator Interface Packet GT7 ver 0.0". Nonce: the u32 `seed` at
/// 0x40 of the encrypted datagram gives `seed ^ mask` then `seed`, both little-endian. The whole
/// datagram is XORed with the stream from block 0, so 0x40..0x43 hold junk after decryption.
public enum GT7Cipher {
    /// Offset of the nonce seed in the encrypted datagram.
    public static let seedOffset = 0x40

    static let key: [UInt8] = Array("Simulator Interface Packet GT7 ver 0.0".utf8.prefix(32))

    /// libsodium's own init, once per process (it is thread-safe and idempotent).
    private static let sodiumReady: Bool = sodium_init() >= 0

    /// Decrypts a received datagram (any length of at least 0x44 bytes) with `mask`.
    public static func decrypt(_ datagram: [UInt8], mask: UInt32) throws(DatagramError) -> [UInt8] {
        guard datagram.count >= seedOffset + 4 else {
            throw .wrongLength(datagram.count, accepted: GT7PacketVariant.acceptedLengths)
        }
        let seed = DatagramReader(bytes: datagram).u32(seedOffset)
        return try xor(datagram, seed: seed, mask: mask)
    }

    /// Encrypts a plaintext packet as the console does, with `seed` written at 0x40 afterwards
    /// (the fakes in the tests; the console picks its own seed per packet).
    public static func encrypt(_ plaintext: [UInt8], seed: UInt32, mask: UInt32) throws(DatagramError) -> [UInt8] {
        guard plaintext.count >= seedOffset + 4 else {
            throw .wrongLength(plaintext.count, accepted: GT7PacketVariant.acceptedLengths)
        }
        var encrypted = try xor(plaintext, seed: seed, mask: mask)
        withUnsafeBytes(of: seed.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { encrypted[seedOffset + index] = byte }
        }
        return encrypted
    }

    private static func xor(_ input: [UInt8], seed: UInt32, mask: UInt32) throws(DatagramError) -> [UInt8] {
        guard sodiumReady else { throw .cipherUnavailable }
        var nonce = [UInt8](repeating: 0, count: 8)
        withUnsafeBytes(of: (seed ^ mask).littleEndian) { nonce.replaceSubrange(0..<4, with: $0) }
        withUnsafeBytes(of: seed.littleEndian) { nonce.replaceSubrange(4..<8, with: $0) }
        var output = [UInt8](repeating: 0, count: input.count)
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inBytes in
                // Both buffers hold at least 0x44 bytes (checked by the callers), so neither address is nil.
                crypto_stream_salsa20_xor(out.baseAddress!, inBytes.baseAddress!, UInt64(input.count), nonce, key)
            }
        }
        guard status == 0 else { throw .cipherUnavailable }
        return output
    }
}
