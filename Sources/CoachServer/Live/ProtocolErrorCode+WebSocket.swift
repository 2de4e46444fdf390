import NIOWebSocket
import Telemetry

extension ProtocolErrorCode {
    /// The close code to end the connection with after this error, nil when it is kept.
    var webSocketCloseCode: WebSocketErrorCode? {
        closeCode.map { WebSocketErrorCode(codeNumber: Int($0)) }
    }
}
