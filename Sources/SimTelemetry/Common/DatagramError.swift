/// Why a sim datagram was refused. Every malformed datagram gets one of these, never a crash;
/// `code` is stable (status lines, logs and tests match on it).
public enum DatagramError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The length fits none of the sim's layouts (`accepted` lists the ones it knows).
    case wrongLength(Int, accepted: [Int])
    /// GT7: after decryption the datagram does not start with `0S7G` (wrong key or mask, GT6,
    /// or not a GT7 packet at all).
    case badMagic(UInt32)
    /// A field the layout fixes has another value (AC's RTCarInfo `identifier` / `size`).
    case badHeaderField(String)
    /// Forza's 232-byte "Sled" format: physics only, no lap, pedals or position.
    case sledFormat
    /// libsodium could not be initialised (GT7 cannot be decrypted on this machine).
    case cipherUnavailable

    public var code: String {
        switch self {
        case .wrongLength: "wrong_length"
        case .badMagic: "bad_magic"
        case .badHeaderField: "bad_header_field"
        case .sledFormat: "sled_format"
        case .cipherUnavailable: "cipher_unavailable"
        }
    }

    public var description: String {
        switch self {
        case .wrongLength(let length, let accepted):
            "\(code): \(length) bytes (expected \(accepted.map(String.init).joined(separator: ", ")))"
        case .badMagic(let magic): "\(code): 0x\(String(magic, radix: 16)) instead of \"0S7G\""
        case .badHeaderField(let field): "\(code): \(field)"
        case .sledFormat: "\(code): the Sled format has no lap, pedals or position; set Data Out Packet Format to Dash"
        case .cipherUnavailable: "\(code): libsodium failed to initialise"
        }
    }
}
