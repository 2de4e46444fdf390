import NIOCore
import Telemetry

extension SocketSettings {
    /// The live endpoint's and the echo's socket settings, from `[live]`.
    static func forEndpoint(_ endpoint: LiveUpgradeChannel.Endpoint, _ live: ServerConfiguration.Live) -> SocketSettings {
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
        }
        return settings
    }
}
