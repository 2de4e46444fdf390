import Coaching
import Foundation
import Telemetry

extension LiveConnection {
    /// Resumes the requested session when allowed, otherwise starts a new one if the session
    /// limits let it; sends `welcome`. Nil when refused (the error is sent and the socket closing).
    func startSession(_ hello: Hello, socket: SocketSender) async -> LiveSession? {
        if let resume = hello.resume {
            switch await registry.resume(sessionID: resume.sessionID, driverID: driver.id) {
            case .resumed(let session):
                await session.attach(socket, resumed: true, maxMessageBytes: configuration.maxMessageBytes, voice: hello.voice)
                return session
            case .rejected:
                report(WireError(.resumeRejected, "that session belongs to another driver; starting a new one"), socket)
            case .unavailable:
                break
            }
        }
        if case .refused(let error) = await registry.admit(driverID: driver.id) {
            report(error, socket)
            return nil
        }
        // Renders are queued per driver (bounded, fair): the coach's and the session's alike.
        let driverVoice = dependencies.voice?.forDriver(driver.id)
        let voice = hello.voice ? driverVoice : nil
        let settings = await sessionSettings(for: hello)
        let coach = await dependencies.coachFactory.makeCoach(
            for: hello.session, driver: driver, language: settings.language.rawValue, speech: voice,
            preferences: settings.preferences)
        let publicID: String
        let isStored: Bool
        do {
            publicID = try await dependencies.sessionStore.createSession(
                driverID: driver.id, descriptor: hello.session, reference: coach.reference, startedAt: Date())
            isStored = true
        } catch {
            logger.error("creating a session record failed", metadata: ["error": "\(error)"])
            report(WireError(.internal, "the session cannot be stored; coaching goes on"), socket)
            publicID = UUID().uuidString.lowercased()
            isStored = false
        }
        let session = LiveSession(
            publicID: publicID, driver: driver, descriptor: hello.session, isStored: isStored, coach: coach,
            store: dependencies.sessionStore, lapStore: lapStore, metrics: metrics, live: configuration, voice: driverVoice,
            language: settings.language, logger: logger.with(session: publicID),
            feed: dependencies.coachingFeed, mirror: registry.listeners.mirror(for: driver.id), tracing: tracing,
            relayHub: registry.relays, settings: settings, eventLoop: socket.eventLoop)
        await registry.register(session)
        await session.attach(socket, resumed: false, maxMessageBytes: configuration.maxMessageBytes, voice: hello.voice)
        return session
    }

    /// The settings a new session runs with: what `hello` states, the driver's stored settings
    /// for what it leaves out (`DriverSettings`), then stored as the new defaults. A store that
    /// fails costs the driver their stored settings for this session, never the session.
    func sessionSettings(for hello: Hello) async -> DriverSettings {
        var stored: DriverSettings?
        do { stored = try await dependencies.sessionStore.driverSettings(driverID: driver.id) } catch {
            logger.warning("stored coaching settings unreadable; using hello's and the defaults", metadata: ["error": "\(error)"])
        }
        let settings = DriverSettings(hello: hello, stored: stored)
        guard settings != stored else { return settings }
        do { try await dependencies.sessionStore.saveDriverSettings(settings, driverID: driver.id) } catch {
            logger.warning("coaching settings not stored; they apply to this session", metadata: ["error": "\(error)"])
        }
        return settings
    }
}
