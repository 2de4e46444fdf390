import Foundation
import SimTelemetry

/// How the GT7 adapter reaches the console, and its limits (docs/client.md, "Gran Turismo 7").
public struct GT7SourceOptions: Sendable {
    /// The console's address (PS5: Settings → Network → Connection Status).
    public var console: String
    /// Where the console listens for heartbeats: 33739 (§1.2 of sim-telemetry-udp.md).
    public var consolePort: Int
    /// Where the console sends packets: 33740, on the address the heartbeat came from. The
    /// heartbeat is sent from this socket. Tests bind another port.
    public var bindHost: String
    public var bindPort: Int
    /// The packet variant asked for; the console may answer with another (the "format lock").
    public var variant: GT7PacketVariant
    /// Heartbeat period while packets flow; sources use 1.6 to 10 s, 1 s is the safe choice.
    public var heartbeatInterval: Duration
    /// A heartbeat goes out at once after this long without a packet, and again each time it
    /// passes while the console stays silent.
    public var receiveGap: Duration
    /// After this long without a packet the console counts as silent: the status says so and
    /// the next packet starts a new stream (and lap).
    public var silenceTimeout: Duration
    /// Datagrams held while the adapter is behind (10 s at 60 Hz); the oldest go first.
    public var queueLimit: Int
    /// What the driver said about the session (track, length, car, a path).
    public var session: GT7SessionConfiguration
    /// Where recorded track paths are kept and looked for (nil: not stored).
    public var pathDirectory: URL?

    public init(
        console: String, session: GT7SessionConfiguration, consolePort: Int = 33739, bindHost: String = "0.0.0.0",
        bindPort: Int = 33740, variant: GT7PacketVariant = .b, heartbeatInterval: Duration = .seconds(1),
        receiveGap: Duration = .seconds(1), silenceTimeout: Duration = .seconds(10), queueLimit: Int = 600,
        pathDirectory: URL? = nil
    ) {
        self.console = console
        self.consolePort = consolePort
        self.bindHost = bindHost
        self.bindPort = bindPort
        self.variant = variant
        self.heartbeatInterval = heartbeatInterval
        self.receiveGap = receiveGap
        self.silenceTimeout = silenceTimeout
        self.queueLimit = queueLimit
        self.session = session
        self.pathDirectory = pathDirectory
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
