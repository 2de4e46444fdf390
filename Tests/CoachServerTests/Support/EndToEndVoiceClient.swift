import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore

/// A client that keeps binary server messages (voice clips) in arrival order with the JSON ones,
/// and streams in phases: after each phase it waits for the server to acknowledge the phase's
/// last batch, then for `betweenPhases` (the test lets the voice finish rendering there, as a
/// real lap's worth of seconds would).
struct EndToEndVoiceClient: Sendable {
    let url: String
    let token: String

    enum Message: Sendable {
        case text(EndToEndReply, raw: String)
        case binary([UInt8])
    }

    func stream(
        hello: String, phases: [[ByteBuffer]], betweenPhases: @escaping @Sendable () async throws -> Void
    ) async throws -> [Message] {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        var logger = Logger(label: "e2e-voice-client")
        logger.logLevel = .warning
        let box = MessageBox()
        _ = try await WebSocketClient.connect(url: url, configuration: .init(additionalHeaders: headers), logger: logger) {
            inbound, outbound, _ in
            try await outbound.write(.text(hello))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        switch message {
                        case .text(let text):
                            let reply = try JSONDecoder().decode(EndToEndReply.self, from: Data(text.utf8))
                            await box.append(.text(reply, raw: text))
                        case .binary(let buffer):
                            await box.append(.binary(Array(buffer.readableBytesView)))
                        }
                    }
                }
                var sequence: UInt64 = 0
                for (index, phase) in phases.enumerated() {
                    for batch in phase { try await outbound.write(.binary(batch)) }
                    sequence += UInt64(phase.count)
                    await box.waitForAck(sequence)
                    if index < phases.count - 1 { try await betweenPhases() }
                }
                // Every batch is processed; what the last drain wrote arrives right behind its ack.
                try await Task.sleep(for: .milliseconds(500))
                try await outbound.close(.normalClosure, reason: nil)
                group.cancelAll()
            }
        }
        return await box.messages
    }
}

/// The messages heard so far, and the highest ack among them.
actor MessageBox {
    private(set) var messages: [EndToEndVoiceClient.Message] = []
    private var acknowledged: UInt64 = 0

    func append(_ message: EndToEndVoiceClient.Message) {
        messages.append(message)
        if case .text(let reply, _) = message, reply.type == "ack", let seq = reply.seq { acknowledged = max(acknowledged, seq) }
    }

    func waitForAck(_ sequence: UInt64) async {
        while acknowledged < sequence { try? await Task.sleep(for: .milliseconds(10)) }
    }
}
