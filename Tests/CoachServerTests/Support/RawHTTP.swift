import NIOCore
import NIOPosix

/// Sends bytes exactly as given and returns everything the server answers until it closes or
/// `maximumBytes` arrived: lets a test send a WebSocket upgrade request by hand. With
/// `headOnly` an accepted upgrade (101, which never closes) returns once its head is complete.
enum RawHTTP {
    static func exchange(port: Int, request: String, maximumBytes: Int = 4_096, headOnly: Bool = false) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var answer = ""
            for try await chunk in inbound {
                answer += String(buffer: chunk)
                if answer.utf8.count >= maximumBytes || answer.contains("\r\n\r\n{") && answer.hasSuffix("}") { break }
                if headOnly, answer.hasPrefix("HTTP/1.1 101"), answer.contains("\r\n\r\n") { break }
            }
            return answer
        }
    }
}
