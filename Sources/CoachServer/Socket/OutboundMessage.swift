import NIOCore
import NIOWebSocket

/// One message waiting to be written to a WebSocket, with what may be done to it when the
/// client reads slower than the server writes (`OutboundQueue`).
struct OutboundMessage: Sendable {
    /// In the order they are dropped when the queue is full: a delta is superseded by the next
    /// one, a voice clip only repeats its cue's text. Everything else (welcome, ack, cue, lap,
    /// error) is never dropped: a client that cannot take it is disconnected instead.
    enum Kind: Sendable {
        case delta
        case voiceClip
        case essential
    }

    let kind: Kind
    let frame: WebSocketFrame

    /// The bytes it holds in the queue.
    var size: Int { frame.data.readableBytes }

    static func text(_ buffer: ByteBuffer, kind: Kind = .essential) -> OutboundMessage {
        OutboundMessage(kind: kind, frame: WebSocketFrame(fin: true, opcode: .text, data: buffer))
    }

    static func text(_ string: String, kind: Kind = .essential) -> OutboundMessage {
        text(ByteBuffer(string: string), kind: kind)
    }

    static func binary(_ buffer: ByteBuffer, kind: Kind = .essential) -> OutboundMessage {
        OutboundMessage(kind: kind, frame: WebSocketFrame(fin: true, opcode: .binary, data: buffer))
    }
}
