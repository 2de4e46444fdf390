import NIOCore
import NIOWebSocket
import ServerSettings
import Telemetry

extension SocketSettings {
    /// Each endpoint's socket settings: the live endpoint's and the echo's from `[live]`; the
    /// listen socket's queue and slow-listener time from `[listen]`, the rest from `[live]`.
    static func forEndpoint(
        _ endpoint: LiveUpgradeChannel.Endpoint, _ live: ServerConfiguration.Live, listen: ServerConfiguration.Listen
    ) -> SocketSettings {
        var settings = SocketSettings(
            maxMessageBytes: live.maxMessageBytes, validatesUTF8: false, outboundQueueBytes: live.outboundQueueBytes,
            slowClientTimeout: TimeAmount(seconds: live.slowClientSeconds), slowClientNotice: nil,
            closeTimeout: TimeAmount(seconds: live.closeTimeoutSeconds),
            pingInterval: TimeAmount(seconds: live.pingIntervalSeconds),
            shutdownGrace: TimeAmount(seconds: live.shutdownGraceSeconds), firstReadDeadline: nil)
        switch endpoint {
        case .live:
            // The connection checks text itself so it can send `invalid_utf8` before closing.
            let error = WireError(.slowConsumer, "the client read too slowly for \(live.slowClientSeconds) s or fell too far behind")
            settings.slowClientNotice = ServerMessage.error(error).outboundMessage(using: ServerMessage.makeEncoder()).frame.data
            settings.firstReadDeadline = ReadDeadline(
                timeout: TimeAmount(seconds: live.helloTimeoutSeconds), restartsOnMessage: false)
        case .echo:
            // The echo has no protocol of its own to report bad UTF-8 in, so the socket checks it.
            settings.validatesUTF8 = true
            settings.firstReadDeadline = ReadDeadline(
                timeout: TimeAmount(seconds: live.idleTimeoutSeconds), restartsOnMessage: true)
        case .listen:
            // A listener only reads: no read deadline (pings find a vanished phone), and what it
            // sends is checked like the echo's, then ignored.
            settings.validatesUTF8 = true
            settings.outboundQueueBytes = listen.queueBytes
            settings.slowClientTimeout = TimeAmount(seconds: listen.slowListenerSeconds)
            settings.slowClientClose = CloseFrame(code: ListenConnection.tooSlowCloseCode, reason: "listener_too_slow")
        }
        return settings
    }
}
