import Telemetry

/// The `hello` facts of iRacing's session info: track, car, and the type of the session being
/// driven now (`SessionNum` indexes `SessionInfo.Sessions`: practice, then qualify, then race,
/// each a new session on the server).
enum IRacingSession {
    static func descriptor(_ info: IBTSessionInfo, sessionNumber: Int?) -> SessionDescriptor? {
        guard var descriptor = info.sessionDescriptor else { return nil }
        if let sessionNumber, let current = info.sessions.first(where: { $0.number == sessionNumber })?.type {
            descriptor.sessionType = current.lowercased()
        }
        return descriptor
    }
}
