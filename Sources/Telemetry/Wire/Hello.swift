import Foundation

/// The client's opening message: who is driving what, and how it will talk.
///
/// Its `Codable` form is the wire form (`protocol`, `track.config`, `resume.last_seq`, ...).
/// Decoding checks every field (see `ClientMessage.decode(json:)` for the error codes).
public struct Hello: Sendable, Equatable, Codable {
    /// The only protocol version this server speaks.
    public static let supportedProtocol = 1
    /// Languages cues can be spoken and written in.
    public static let supportedLanguages: Set<String> = ["en", "tr"]
    /// Longest accepted sim, track, car or session name: far beyond any real name, short enough
    /// that a hostile client cannot bloat the session table.
    public static let maximumNameLength = 200

    public var protocolVersion: Int
    public var sim: String
    public var track: TrackDescriptor
    public var car: String
    public var sessionType: String
    public var language: String
    /// Whether `language` was in the message (false: it is the default, and the driver's stored
    /// language applies). A hello made in code states it.
    public var languageGiven: Bool
    /// Reserved for voice clips.
    public var voice: Bool
    public var codec: FrameCodec
    public var resume: Resume?
    /// The driver's coaching settings; nil keeps the defaults (`Settings`).
    public var settings: Settings?

    /// The format the client means to send frames in (the server accepts both at any time).
    public enum FrameCodec: String, Sendable, Equatable, Codable {
        case binary, json
    }

    /// A session the client wants to continue after a dropped connection.
    public struct Resume: Sendable, Equatable, Codable {
        public var sessionID: String
        /// The last sequence the client saw acknowledged.
        public var lastSequence: UInt64

        public init(sessionID: String, lastSequence: UInt64) {
            self.sessionID = sessionID
            self.lastSequence = lastSequence
        }

        enum CodingKeys: String, CodingKey {
            case sessionID = "session"
            case lastSequence = "last_seq"
        }
    }

    public init(
        protocolVersion: Int = Hello.supportedProtocol, session: SessionDescriptor, language: String = "en",
        voice: Bool = false, codec: FrameCodec = .binary, resume: Resume? = nil, settings: Settings? = nil
    ) {
        self.settings = settings
        self.protocolVersion = protocolVersion
        self.sim = session.sim
        self.track = session.track
        self.car = session.car
        self.sessionType = session.sessionType
        self.language = language
        self.languageGiven = true
        self.voice = voice
        self.codec = codec
        self.resume = resume
    }

    /// The session this hello describes.
    public var session: SessionDescriptor {
        SessionDescriptor(sim: sim, track: track, car: car, sessionType: sessionType)
    }

    /// The hello as a JSON text message, `type` included.
    public func jsonData() -> Data {
        ClientMessage.encodeJSON(.hello(self))
    }
}
