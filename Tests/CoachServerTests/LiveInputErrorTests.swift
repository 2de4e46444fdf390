import Foundation
import HummingbirdWSClient
import NIOCore
import NIOWebSocket
import Testing

@testable import CoachServer

/// Every "kept" error of the protocol table: the error is reported, the batch is dropped, and
/// the session is exactly as before (the next valid batch is still sequence 1).
@Suite struct LiveInputErrorTests {
    typealias Frame = ClientMessages.Frame

    static func binary(_ edit: (inout ByteBuffer) -> Void) -> ByteBuffer {
        var buffer = ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(2))
        edit(&buffer)
        return buffer
    }

    static let badInputs: [(String, WebSocketOutboundWriter.OutboundFrame)] = [
        ("malformed_json", .text(#"{"type":"frames","seq":"#)),
        ("malformed_json", .text("[1,2,3]")),
        ("unknown_type", .text(#"{"type":"telemetry"}"#)),
        ("bad_binary_header", .binary(binary { $0.moveWriterIndex(to: $0.writerIndex - 1) })),  // one byte short
        ("bad_binary_header", .binary(binary { $0.setInteger(UInt8(0x55), at: 0) })),  // magic
        ("bad_binary_header", .binary(binary { $0.setInteger(UInt8(2), at: 2) })),  // layout version
        ("bad_binary_header", .binary(binary { $0.setInteger(UInt16(30), at: 18, endianness: .little) })),  // stride
        ("bad_binary_header", .binary(ByteBuffer(bytes: [0x54, 0x42, 1]))),
        ("bad_channel_mask", .binary(binary { $0.setInteger(UInt32(0x277 | 1 << 20), at: 4, endianness: .little) })),
        ("bad_channel_mask", .binary(binary { $0.setInteger(UInt32(0x237), at: 4, endianness: .little) })),  // no brake
        ("bad_frame_count", .binary(binary { $0.setInteger(UInt16(0), at: 16, endianness: .little) })),
        ("bad_frame_count", .text(ClientMessages.jsonFrames(seq: 1, ClientMessages.frames(121)))),
        ("invalid_value", .binary(ClientMessages.binaryFrames(seq: 1, [Frame(t: 1, speed: .nan)]))),
        ("invalid_value", .binary(ClientMessages.binaryFrames(seq: 1, [Frame(t: 1, throttle: .infinity)]))),
        ("invalid_value", .text(ClientMessages.jsonFrames(seq: 1, [Frame(t: 1, brake: 1.5)]))),
        ("distance_out_of_range", .text(ClientMessages.jsonFrames(seq: 1, [Frame(t: 1, dist: 590)]))),  // > 580 + 1 %
        ("distance_out_of_range", .binary(ClientMessages.binaryFrames(seq: 1, [Frame(t: 1, dist: -0.5)]))),
    ]

    @Test func eachBadInputGetsItsCodeAndChangesNothing() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout(seconds: 30) {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    for (code, input) in Self.badInputs {
                        try await outbound.write(input)
                        let error = try #require(try await reader.next("error"))
                        #expect(error.code == code, "\(input) -> \(reader.lastRaw)")
                        #expect(error.fatal == false)
                    }
                    // Within 1 % of the track length is fine (sims overshoot at the line).
                    try await outbound.write(.text(ClientMessages.jsonFrames(seq: 1, [Frame(t: 7, dist: 585)])))
                    #expect(try await reader.next("ack")?.seq == 1)
                }
            }
            #expect(backend.coachFactory.log.all == [7])
        }
    }

    @Test func oversizeMessageClosesWith1009() async throws {
        try await RunningServer.with(configure: { $0.live.maxMessageBytes = 2_048 }) { server in
            let close = try await withTimeout {
                // Sent in 1 KiB fragments, so only the reassembled size is too large.
                try await LiveClient.connect(server, maxFrameSize: 1_024) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    _ = try await reader.next("welcome")
                    try await outbound.writeTextMessage(ClientMessages.jsonFrames(seq: 1, ClientMessages.frames(60)))
                    let error = try #require(try await reader.next("error"))
                    #expect(error.code == "message_too_large")
                    _ = try await reader.drainUntilClosed()
                }
            }
            #expect(close?.closeCode == .messageTooLarge)
        }
    }

    @Test func invalidUTF8ClosesWith1007() async throws {
        try await RunningServer.with { server in
            let close = try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    let bytes = ByteBuffer(bytes: Array(#"{"type":"frames","x":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
                    try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: bytes)))
                    let error = try #require(try await reader.next("error"))
                    #expect(error.code == "invalid_utf8")
                    _ = try await reader.drainUntilClosed()
                }
            }
            #expect(close?.closeCode == .dataInconsistentWithMessage)
        }
    }
}
