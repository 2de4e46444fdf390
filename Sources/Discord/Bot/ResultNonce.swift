/// Message nonces for result posts. Discord takes at most 25 characters, and a guild id plus a
/// subsession id can be longer, so the post key is hashed (FNV-1a, 64 bit): the same post always
/// gets the same nonce, and with `enforce_nonce` Discord posts it once however often it is sent.
enum ResultNonce {
    static func make(postKey: String, part: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(postKey)#\(part)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "tb" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
