extension Hello {
    /// How the driver wants to be coached (`hello.settings`, optional, every field optional):
    /// how talkative, which units, which topics off. Names are checked here; which topics exist
    /// is the coach's business, so a topic this server does not know is kept and ignored (a
    /// newer client may switch off a topic an older server never says).
    public struct Settings: Sendable, Equatable, Codable {
        public static let verbosities: Set<String> = ["all", "important", "approach"]
        public static let unitSystems: Set<String> = ["metric", "imperial"]
        /// Most topics one hello may switch off, and the longest topic name: bounds on what a
        /// hostile client can make the server hold (the protocol has 9 topics, named in 16 or fewer).
        public static let maximumTopicsOff = 32
        public static let maximumTopicLength = 40

        public var verbosity: String
        public var units: String
        public var topicsOff: [String]
        /// The fields the message stated; the others hold their defaults, and the driver's
        /// stored settings apply to them. Settings made in code state every field.
        public var given: Set<Field>

        /// A field of `hello.settings`.
        public enum Field: String, Sendable, Hashable, CaseIterable {
            case verbosity, units
            case topicsOff = "topics_off"
        }

        public init(verbosity: String = "all", units: String = "metric", topicsOff: [String] = [], given: Set<Field> = Set(Field.allCases)) {
            self.verbosity = verbosity
            self.units = units
            self.topicsOff = topicsOff
            self.given = given
        }

        enum CodingKeys: String, CodingKey {
            case verbosity, units
            case topicsOff = "topics_off"
        }

        /// Throws `invalid_hello` naming the field for anything unknown, mistyped or too long.
        public init(from decoder: any Decoder) throws {
            let container: KeyedDecodingContainer<CodingKeys>
            do { container = try decoder.container(keyedBy: CodingKeys.self) } catch {
                throw WireError(.invalidHello, "hello field settings must be an object")
            }
            func optional<T: Decodable>(_ key: CodingKeys, _ type: T.Type) throws -> T? {
                do { return try container.decodeIfPresent(type, forKey: key) } catch {
                    throw WireError(.invalidHello, "hello field settings.\(key.rawValue) has the wrong type")
                }
            }
            let statedVerbosity = try optional(.verbosity, String.self)
            verbosity = statedVerbosity ?? "all"
            guard Self.verbosities.contains(verbosity) else {
                throw WireError(.invalidHello, "settings.verbosity must be one of \(Self.verbosities.sorted())")
            }
            let statedUnits = try optional(.units, String.self)
            units = statedUnits ?? "metric"
            guard Self.unitSystems.contains(units) else {
                throw WireError(.invalidHello, "settings.units must be one of \(Self.unitSystems.sorted())")
            }
            let statedTopics = try optional(.topicsOff, [String].self)
            topicsOff = statedTopics ?? []
            given = Set(
                [statedVerbosity.map { _ in Field.verbosity }, statedUnits.map { _ in .units }, statedTopics.map { _ in .topicsOff }]
                    .compactMap { $0 })
            guard topicsOff.count <= Self.maximumTopicsOff else {
                throw WireError(.invalidHello, "settings.topics_off lists more than \(Self.maximumTopicsOff) topics")
            }
            guard topicsOff.allSatisfy({ !$0.isEmpty && $0.utf8.count <= Self.maximumTopicLength }) else {
                throw WireError(.invalidHello, "settings.topics_off names must be 1 to \(Self.maximumTopicLength) bytes")
            }
        }

        /// Writes the stated fields only, so a hello that leaves a field to the stored settings
        /// says so on the wire too.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if given.contains(.verbosity) { try container.encode(verbosity, forKey: .verbosity) }
            if given.contains(.units) { try container.encode(units, forKey: .units) }
            if given.contains(.topicsOff) { try container.encode(topicsOff, forKey: .topicsOff) }
        }
    }
}
