/// Versions the server reports (health endpoint, `welcome`).
public enum CoachServerVersion {
    /// The live protocol version this server speaks (docs/protocol.md).
    public static let protocolVersion = 1
    /// The server release, shown by `/api/v1/health`.
    public static let serverVersion = "0.1.0"
}
