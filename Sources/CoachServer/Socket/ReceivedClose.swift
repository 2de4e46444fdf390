import NIOCore
import NIOWebSocket

/// A close frame from the client, read as RFC 6455 section 7.4 says, and the code to answer it
/// with: 1000, or 1002 for a one-byte payload, a code no endpoint may send (1004-1006,
/// 1012-2999, 5000 and up) or, when checked, a reason that is not UTF-8.
struct ReceivedClose: Equatable {
    /// The client's code; nil when the frame had none.
    let code: WebSocketErrorCode?
    let reply: WebSocketErrorCode

    init(payload: ByteBuffer, validatesUTF8: Bool) {
        var payload = payload
        let size = payload.readableBytes
        code = payload.readWebSocketErrorCode()
        let reasonIsValid = !validatesUTF8 || String(validating: payload.readableBytesView, as: UTF8.self) != nil
        if size == 0 {
            reply = .normalClosure
        } else if let code, reasonIsValid {
            reply = Self.mayBeSent(code) ? .normalClosure : .protocolError
        } else {
            reply = .protocolError
        }
    }

    /// Codes the protocol defines for endpoints to send, and the ranges for libraries (3000-3999)
    /// and applications (4000-4999).
    private static func mayBeSent(_ code: WebSocketErrorCode) -> Bool {
        guard case .unknown(let number) = code else { return true }
        return (3000...4999).contains(number)
    }
}
