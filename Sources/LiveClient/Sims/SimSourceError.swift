/// What a sim adapter cannot get past by itself: the driver must act. `code` is stable.
public enum SimSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The UDP port is taken (another telemetry app, a second client).
    case portInUse(Int, String)
    /// The sim's host name does not resolve.
    case unknownHost(String)
    /// A track-path file given with `--track-path` was refused.
    case badTrackPath(String)

    public var code: String {
        switch self {
        case .portInUse: "port_in_use"
        case .unknownHost: "unknown_host"
        case .badTrackPath: "bad_track_path"
        }
    }

    public var description: String {
        switch self {
        case .portInUse(let port, let why):
            "\(code): cannot listen on UDP port \(port) (\(why)); another program (SimHub, a dashboard, a second trailbrake-client) may be using it"
        case .unknownHost(let host): "\(code): cannot resolve \"\(host)\""
        case .badTrackPath(let why): "\(code): \(why)"
        }
    }
}
