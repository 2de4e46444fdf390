extension ServerConfiguration {
    /// Builds a configuration from defaults, then the parsed file, then environment variables.
    ///
    /// - Parameters:
    ///   - file: the configuration file as `[section: [key: value]]` (empty when there is none).
    ///   - environment: the process environment; only `TRAILBRAKE_<SECTION>_<KEY>` names of known
    ///     keys are read, so unrelated `TRAILBRAKE_*` variables (build scope, test data) are ignored.
    /// - Throws: `ConfigurationError` naming the first unknown section or key, wrong type or bad value.
    public static func load(
        file: [String: [String: ConfigurationValue]], environment: [String: String]
    ) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        let keys = ConfigurationKey.all
        let sections = Set(keys.map(\.section))

        for section in file.keys.sorted() {
            guard sections.contains(section) else { throw ConfigurationError.unknownSection(section) }
            let entries = file[section] ?? [:]
            for name in entries.keys.sorted() {
                guard let key = keys.first(where: { $0.section == section && $0.name == name }),
                    let value = entries[name]
                else { throw ConfigurationError.unknownKey("\(section).\(name)") }
                guard key.accepts(value) else {
                    throw ConfigurationError.wrongType(key: key.dottedName, expected: key.kind.rawValue, found: value.typeName)
                }
                try key.store(&configuration, value, key.dottedName)
            }
        }

        for key in keys {
            guard let text = environment[key.environmentName] else { continue }
            guard let value = key.parse(environmentText: text) else {
                throw ConfigurationError.wrongType(key: key.environmentName, expected: key.kind.rawValue, found: "'\(text)'")
            }
            try key.store(&configuration, value, key.environmentName)
        }

        if configuration.tls.enabled, configuration.tls.certificatePath.isEmpty || configuration.tls.keyPath.isEmpty {
            throw ConfigurationError.invalidValue(key: "tls.enabled", reason: "needs tls.certificate_path and tls.key_path")
        }
        // An espeak-ng variant is a short file name; anything else would fail every render.
        let name = configuration.voice.name
        guard name.utf8.count <= 32, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else {
            throw ConfigurationError.invalidValue(key: "voice.name", reason: "must be an espeak-ng variant name (letters and digits)")
        }
        let echo = configuration.server.echoPath
        if !echo.isEmpty, !echo.hasPrefix("/") || echo == EndpointPath.live {
            throw ConfigurationError.invalidValue(key: "server.echo_path", reason: "must start with / and differ from the live path")
        }
        try configuration.validateAccess()
        try configuration.validateListen()
        try configuration.validateDiscordSignIn()
        try configuration.validateTracing()
        return configuration
    }
}
