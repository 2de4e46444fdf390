import CoachServer
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOSSL

/// A server message as the test client reads it; fields are optional because types differ.
struct Reply: Decodable, Sendable {
    var type: String
    var code: String?
    var message: String?
    var fatal: Bool?
    var expected: UInt64?
    var seq: UInt64?
    var session: String?
    var resumed: Bool?
    var next_seq: UInt64?
    var lap: Int32?
    var lap_id: Int64?
    var stored: Bool?
    var valid: Bool?
    var id: UInt64?
    var topic: String?
    var reference: Reference?
    var limits: Limits?

    struct Reference: Decodable, Sendable {
        var source: String
        var lap_time: Double
        var car: String
        var reason: String
    }
    struct Limits: Decodable, Sendable {
        var max_frames_per_batch: Int
        var max_message_bytes: Int
    }
}

/// Reads server messages in order, keeping the raw JSON of the last one.
struct ReplyReader {
    var messages: WebSocketInboundMessageStream.AsyncIterator
    private(set) var lastRaw = ""

    /// The next message of `type`, skipping others (acks, deltas); nil when the socket closed.
    mutating func next(_ type: String? = nil, skipping skipped: Set<String> = ["ack", "delta"]) async throws -> Reply? {
        while let message = try await messages.next() {
            guard case .text(let text) = message else { continue }
            let reply = try JSONDecoder().decode(Reply.self, from: Data(text.utf8))
            lastRaw = text
            if let type {
                if reply.type == type { return reply }
                if skipped.contains(reply.type) { continue }
                throw TestFailure("expected \(type), got \(text)")
            }
            return reply
        }
        return nil
    }

    /// Reads until the server closes the socket.
    mutating func drainUntilClosed() async throws -> [Reply] {
        var rest: [Reply] = []
        while let reply = try await next() { rest.append(reply) }
        return rest
    }
}

enum LiveClient {
    enum TokenPlacement { case header, query, none }

    /// Connects to the live endpoint and runs `conversation`; returns the server's close frame.
    @discardableResult
    static func connect(
        _ server: RunningServer, token: String = FakeAuthenticator.aliceToken, placement: TokenPlacement = .header,
        tls: TLSConfiguration? = nil, maxFrameSize: Int = 1 << 16,
        _ conversation: @escaping @Sendable (inout ReplyReader, WebSocketOutboundWriter) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var url = server.liveURL
        var headers = HTTPFields()
        switch placement {
        case .header: headers[.authorization] = "Bearer \(token)"
        case .query: url += "?token=\(token)"
        case .none: break
        }
        var logger = Logger(label: "test-client")
        logger.logLevel = .warning
        return try await WebSocketClient.connect(
            url: url,
            // SNI cannot carry an IP address; the test certificate also names "localhost".
            configuration: .init(maxFrameSize: maxFrameSize, additionalHeaders: headers, sniHostname: tls == nil ? nil : "localhost"),
            tlsConfiguration: tls,
            logger: logger
        ) { inbound, outbound, _ in
            var reader = ReplyReader(messages: inbound.messages(maxSize: 1 << 20).makeAsyncIterator())
            try await conversation(&reader, outbound)
        }
    }

    /// `connect` with the usual opening done first: the default `hello` sent and `welcome` read.
    @discardableResult
    static func connectAfterWelcome(
        _ server: RunningServer, _ conversation: @escaping @Sendable (inout ReplyReader, WebSocketOutboundWriter) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        try await connect(server) { reader, outbound in
            try await outbound.write(.text(ClientMessages.hello()))
            _ = try await reader.next("welcome")
            try await conversation(&reader, outbound)
        }
    }
}

/// Client messages written straight from docs/protocol.md (independent of the server's decoder).
enum ClientMessages {
    static func hello(protocolVersion: Int = 1, trackLength: Double = 580, resume: (String, UInt64)? = nil) -> String {
        let resumePart = resume.map { #","resume":{"session":"\#($0.0)","last_seq":\#($0.1)}"# } ?? ""
        return #"{"type":"hello","protocol":\#(protocolVersion),"sim":"iracing","#
            + #""track":{"name":"Langley Speedway","config":"","length":\#(trackLength)},"#
            + #""car":"SK Modified","session":"practice","language":"en","voice":false,"codec":"binary"\#(resumePart)}"#
    }

    /// One frame with the required channels; `t` doubles as a unique id of the frame.
    struct Frame {
        var t: Double
        var lap: Int32 = 3
        var dist: Float = 100
        var speed: Float = 40
        var throttle: Float = 1
        var brake: Float = 0
        var gear: Int8 = 3
    }

    static func jsonFrames(seq: UInt64, _ frames: [Frame]) -> String {
        let items = frames.map {
            #"{"t":\#($0.t),"lap":\#($0.lap),"dist":\#($0.dist),"speed":\#($0.speed),"throttle":\#($0.throttle),"brake":\#($0.brake),"gear":\#($0.gear)}"#
        }
        return #"{"type":"frames","seq":\#(seq),"frames":[\#(items.joined(separator: ","))]}"#
    }

    /// Binary layout v1 with the required channels only (mask 0x277, 29 bytes per frame).
    static func binaryFrames(seq: UInt64, _ frames: [Frame]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeBytes([0x54, 0x42, 1, 1])
        buffer.writeInteger(UInt32(0x277), endianness: .little)
        buffer.writeInteger(seq, endianness: .little)
        buffer.writeInteger(UInt16(frames.count), endianness: .little)
        buffer.writeInteger(UInt16(29), endianness: .little)
        for frame in frames {
            buffer.writeInteger(frame.t.bitPattern, endianness: .little)
            buffer.writeInteger(frame.lap, endianness: .little)
            for value in [frame.dist, frame.speed, frame.throttle, frame.brake] {
                buffer.writeInteger(value.bitPattern, endianness: .little)
            }
            buffer.writeInteger(frame.gear)
        }
        return buffer
    }

    /// `count` frames with increasing `t` starting after `first`.
    static func frames(_ count: Int, from first: Int = 1) -> [Frame] {
        (0..<count).map { Frame(t: Double(first + $0)) }
    }
}
