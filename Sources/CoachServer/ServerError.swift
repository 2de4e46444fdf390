/// Placeholder-free marker file: the CoachServer target's sources live beside it.
public enum CoachServerVersion {
    public static let protocolVersion = 1
}
