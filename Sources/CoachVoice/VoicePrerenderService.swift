import Logging
import ServiceLifecycle

/// Renders the common phrases once at start-up, in the background, so the first cues already
/// have clips. Stops early on shutdown; finishing is not an error (run it with
/// `successTerminationBehavior: .ignore`).
public struct VoicePrerenderService: Service {
    let voice: PhraseCacheVoice
    let logger: Logger

    public init(voice: PhraseCacheVoice, logger: Logger) {
        self.voice = voice
        self.logger = logger
    }

    public func run() async throws {
        let started = ContinuousClock.now
        let failed = await cancelWhenGracefulShutdown { await voice.prerenderCommonPhrases() }
        let statistics = voice.cache.statistics
        logger.info("voice phrases ready", metadata: [
            "rendered": "\(statistics.renders)", "from_disk": "\(statistics.diskLoads)", "failed": "\(failed)",
            "bytes": "\(statistics.bytes)", "seconds": "\(ContinuousClock.now - started)",
        ])
    }
}
