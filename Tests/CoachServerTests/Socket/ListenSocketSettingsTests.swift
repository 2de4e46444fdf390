import NIOCore
import NIOWebSocket
@testable import ServerSettings
import Testing

@testable import CoachServer

/// The listen socket's settings on the socket handler: its own queue bound and slow-listener
/// time from `[listen]`, no read deadline (a listener never has to speak), and the close a slow
/// listener gets is 4013 `listener_too_slow`, not the live endpoint's 1008 `slow_consumer`.
@Suite struct ListenSocketSettingsTests {
    static func settings() -> SocketSettings {
        var listen = ServerConfiguration.Listen()
        listen.queueBytes = 100_000
        listen.slowListenerSeconds = 3
        return SocketSettings.forEndpoint(.listen, ServerConfiguration.Live(), listen: listen)
    }

    @Test func theQueueAndTheSlowListenerTimeAreTheListenKeys() {
        let settings = Self.settings()
        #expect(settings.outboundQueueBytes == 100_000)
        #expect(settings.slowClientTimeout == .seconds(3))
        #expect(settings.firstReadDeadline == nil && settings.slowClientNotice == nil)
        let live = SocketSettings.forEndpoint(.live, ServerConfiguration.Live(), listen: ServerConfiguration.Listen())
        #expect(live.slowClientClose.code == .policyViolation && live.slowClientClose.reason == "slow_consumer")
    }

    @Test func aListenerBehindForTheSlowListenerTimeIsClosedWith4013() throws {
        let harness = try WebSocketConnectionHandlerTests.Harness(settings: Self.settings())
        // Past the live endpoint's hello timeout, short of the first ping.
        harness.loop.advanceTime(by: .seconds(25))
        #expect(harness.channel.isActive, "a silent listener is not timed out")
        #expect(harness.events.events.isEmpty)
        harness.writability(false)
        harness.loop.advanceTime(by: .milliseconds(2_900))
        #expect(harness.channel.isActive)
        harness.loop.advanceTime(by: .milliseconds(200))
        #expect(!harness.channel.isActive)
        let frames = try harness.written()
        #expect(frames.map(\.opcode) == [.connectionClose])
        var payload = try #require(frames.last?.data)
        #expect(payload.readWebSocketErrorCode() == WebSocketErrorCode(codeNumber: 4013))
        #expect(payload.readString(length: payload.readableBytes) == "listener_too_slow")
        #expect(try harness.ending.wait().serverReason == .slowClient)
    }
}
