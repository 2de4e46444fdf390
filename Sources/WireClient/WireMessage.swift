import NIOCore

/// One complete WebSocket message (fragments already joined).
public enum WireMessage: Sendable, Equatable {
    case text(String)
    case binary(ByteBuffer)
}
