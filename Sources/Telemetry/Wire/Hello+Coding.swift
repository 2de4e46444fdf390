/// The wire form of `hello` and the checks that make a decoded `Hello` trustworthy.
extension Hello {
    enum CodingKeys: String, CodingKey {
        case type
        case protocolVersion = "protocol"
        case sim, track, car
        case sessionType = "session"
        case language, voice, codec, resume, settings
    }

    enum TrackKeys: String, CodingKey {
        case name, config, length
    }

    /// Throws `WireError` (`unsupported_protocol` or `invalid_hello`) for anything wrong; the
    /// protocol version is checked first so that a newer client always learns why it was refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try field("protocol") { try container.decode(Int.self, forKey: .protocolVersion) }
        guard version == Hello.supportedProtocol else {
            throw WireError(.unsupportedProtocol, "protocol \(version) is not supported; this server speaks \(Hello.supportedProtocol)")
        }
        protocolVersion = version
        sim = try name("sim") { try container.decode(String.self, forKey: .sim) }
        car = try name("car") { try container.decode(String.self, forKey: .car) }
        sessionType = try name("session") { try container.decode(String.self, forKey: .sessionType) }
        let trackContainer = try field("track") { try container.nestedContainer(keyedBy: TrackKeys.self, forKey: .track) }
        let trackName = try name("track.name") { try trackContainer.decode(String.self, forKey: .name) }
        let configuration = try field("track.config") { try trackContainer.decodeIfPresent(String.self, forKey: .config) } ?? ""
        let length = try field("track.length") { try trackContainer.decode(Double.self, forKey: .length) }
        guard length.isFinite, length > 0, length <= TrackDescriptor.maximumLength else {
            let limit = Int(TrackDescriptor.maximumLength)
            throw WireError(.invalidHello, "track.length must be a positive number of metres up to \(limit), got \(length)")
        }
        track = TrackDescriptor(name: trackName, configuration: configuration, length: length)
        let statedLanguage = try field("language") { try container.decodeIfPresent(String.self, forKey: .language) }
        languageGiven = statedLanguage != nil
        language = statedLanguage ?? "en"
        guard Hello.supportedLanguages.contains(language) else {
            throw WireError(.invalidHello, "language \"\(language)\" is not supported; use one of \(Hello.supportedLanguages.sorted())")
        }
        voice = try field("voice") { try container.decodeIfPresent(Bool.self, forKey: .voice) } ?? false
        let codecName = try field("codec") { try container.decodeIfPresent(String.self, forKey: .codec) } ?? "binary"
        guard let codec = FrameCodec(rawValue: codecName) else {
            throw WireError(.invalidHello, "codec \"\(codecName)\" is unknown; use \"binary\" or \"json\"")
        }
        self.codec = codec
        resume = try field("resume") { try container.decodeIfPresent(Resume.self, forKey: .resume) }
        if let resume, resume.sessionID.isEmpty {
            throw WireError(.invalidHello, "resume.session must not be empty")
        }
        settings = try field("settings") { try container.decodeIfPresent(Settings.self, forKey: .settings) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("hello", forKey: .type)
        try container.encode(protocolVersion, forKey: .protocolVersion)
        try container.encode(sim, forKey: .sim)
        var trackContainer = container.nestedContainer(keyedBy: TrackKeys.self, forKey: .track)
        try trackContainer.encode(track.name, forKey: .name)
        try trackContainer.encode(track.configuration, forKey: .config)
        try trackContainer.encode(track.length, forKey: .length)
        try container.encode(car, forKey: .car)
        try container.encode(sessionType, forKey: .sessionType)
        if languageGiven { try container.encode(language, forKey: .language) }
        try container.encode(voice, forKey: .voice)
        try container.encode(codec, forKey: .codec)
        try container.encodeIfPresent(resume, forKey: .resume)
        try container.encodeIfPresent(settings, forKey: .settings)
    }
}

/// Runs a decoding step, turning a missing or mistyped field into `invalid_hello` naming it.
private func field<T>(_ name: String, _ decode: () throws -> T) throws -> T {
    do {
        return try decode()
    } catch let error as WireError {
        throw error
    } catch DecodingError.keyNotFound {
        throw WireError(.invalidHello, "hello lacks required field \(name)")
    } catch DecodingError.valueNotFound {
        throw WireError(.invalidHello, "hello field \(name) is null")
    } catch {
        throw WireError(.invalidHello, "hello field \(name) has the wrong type")
    }
}

/// A required, non-empty name of bounded length.
private func name(_ name: String, _ decode: () throws -> String) throws -> String {
    let value = try field(name, decode).trimmingWhitespace()
    guard !value.isEmpty else { throw WireError(.invalidHello, "hello field \(name) must not be empty") }
    guard value.count <= Hello.maximumNameLength else {
        throw WireError(.invalidHello, "hello field \(name) is longer than \(Hello.maximumNameLength) characters")
    }
    return value
}
