import Foundation

/// RFC 6455 framing written by hand, so a test can send any frame (unmasked, reserved bits,
/// lying lengths) and see the server's frames byte for byte.
enum WebSocketWire {
    enum Opcode: UInt8 {
        case continuation = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10
    }

    /// A frame as the server sent it.
    struct ServerFrame: Sendable, Equatable {
        var fin: Bool
        var opcode: UInt8
        var payload: [UInt8]

        var text: String { String(decoding: payload, as: UTF8.self) }
        /// For a close frame: its code (nil without one) and reason.
        var closeCode: UInt16? { payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil }
        var closeReason: String { String(decoding: payload.dropFirst(2), as: UTF8.self) }
    }

    /// A client frame; masked unless told otherwise (`rsv` is the three reserved bits, 0...7).
    static func frame(_ opcode: UInt8, _ payload: [UInt8], fin: Bool = true, masked: Bool = true, rsv: UInt8 = 0) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | (rsv << 4) | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        switch payload.count {
        case ..<126: bytes.append(maskBit | UInt8(payload.count))
        case ..<65_536: bytes += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> (8 * UInt64($0))) }
        }
        guard masked else { return bytes + payload }
        let key = (0..<4).map { _ in UInt8.random(in: .min ... .max) }
        return bytes + key + payload.enumerated().map { $1 ^ key[$0 % 4] }
    }

    static func frame(_ opcode: Opcode, _ payload: [UInt8], fin: Bool = true) -> [UInt8] {
        frame(opcode.rawValue, payload, fin: fin)
    }

    static func text(_ text: String) -> [UInt8] { frame(.text, Array(text.utf8)) }

    static func close(_ code: UInt16, reason: String = "") -> [UInt8] {
        frame(.close, [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    /// The first complete server frame in `bytes` and how many bytes it took, or nil.
    static func parseServerFrame(_ bytes: [UInt8]) -> (ServerFrame, used: Int)? {
        guard bytes.count >= 2 else { return nil }
        var length = Int(bytes[1] & 0x7F)
        var offset = 2
        if length == 126 {
            guard bytes.count >= 4 else { return nil }
            length = Int(bytes[2]) << 8 | Int(bytes[3])
            offset = 4
        } else if length == 127 {
            guard bytes.count >= 10 else { return nil }
            length = bytes[2..<10].reduce(0) { $0 << 8 | Int($1) }
            offset = 10
        }
        guard bytes.count >= offset + length else { return nil }
        let frame = ServerFrame(fin: bytes[0] & 0x80 != 0, opcode: bytes[0] & 0x0F, payload: Array(bytes[offset..<offset + length]))
        return (frame, offset + length)
    }

    /// `GET path` asking for an upgrade, with the token in the Authorization header.
    static func upgradeRequest(path: String, token: String?) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + (token.map { "Authorization: Bearer \($0)\r\n" } ?? "") + "\r\n"
    }
}

/// An HTTP response head (and its body when it has a Content-Length).
struct RawHTTPResponse: Sendable {
    var status: Int
    var head: String
    var body: String

    /// Parses a complete response at the start of `bytes`, or nil while it is incomplete.
    static func parse(_ bytes: [UInt8]) -> (RawHTTPResponse, used: Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, bytes.count - 4)).first(where: { bytes.count >= $0 + 4 && Array(bytes[$0..<$0 + 4]) == separator })
        else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let lengthLine = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
        let length = lengthLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        let bodyStart = end + 4
        guard bytes.count >= bodyStart + length else { return nil }
        let body = String(decoding: bytes[bodyStart..<bodyStart + length], as: UTF8.self)
        return (RawHTTPResponse(status: status, head: head, body: body), bodyStart + length)
    }
}
