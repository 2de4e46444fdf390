import Foundation

/// The body of Create Message / an interaction response: only the fields the bot sends.
public struct MessagePayload: Sendable, Encodable, Equatable {
    public var content: String?
    public var embeds: [Embed]?
    public var flags: Int?
    /// Nonce for idempotent posts: with `enforceNonce`, Discord returns the earlier message
    /// instead of posting a second one.
    public var nonce: String?
    public var enforceNonce: Bool?
    public var attachments: [AttachmentPayload]?
    /// Always `{"parse": []}`: driver names come from users and must never ping anyone.
    public var allowedMentions = AllowedMentions()

    public init(content: String? = nil, embeds: [Embed]? = nil, flags: Int? = nil, nonce: String? = nil,
                enforceNonce: Bool? = nil, attachments: [AttachmentPayload]? = nil) {
        self.content = content
        self.embeds = embeds
        self.flags = flags
        self.nonce = nonce
        self.enforceNonce = enforceNonce
        self.attachments = attachments
    }

    /// Discord posts it once however often it is sent (nonce with `enforce_nonce`).
    var isDeduplicated: Bool { nonce != nil && enforceNonce == true }

    enum CodingKeys: String, CodingKey {
        case content, embeds, flags, nonce, attachments
        case enforceNonce = "enforce_nonce"
        case allowedMentions = "allowed_mentions"
    }

    /// Message flags (`developers/resources/message.mdx`).
    public enum Flag {
        public static let ephemeral = 1 << 6
        public static let suppressNotifications = 1 << 12
        public static let isVoiceMessage = 1 << 13
    }
}

public struct AllowedMentions: Sendable, Encodable, Equatable {
    public var parse: [String] = []
}

/// An attachment's metadata in `payload_json`; `id` matches the `files[id]` part.
public struct AttachmentPayload: Sendable, Encodable, Equatable {
    public var id: String
    public var filename: String
    public var durationSecs: Double?
    /// Base64 of at most 256 one-byte amplitudes.
    public var waveform: String?

    enum CodingKeys: String, CodingKey {
        case id, filename, waveform
        case durationSecs = "duration_secs"
    }
}

public struct Embed: Sendable, Encodable, Equatable {
    public var title: String?
    public var description: String?
    public var fields: [EmbedField]?
    public var footer: EmbedFooter?
    /// Left bar colour, 0xRRGGBB.
    public var color: Int?
    /// ISO 8601.
    public var timestamp: String?

    public init(title: String? = nil, description: String? = nil, fields: [EmbedField]? = nil,
                footer: EmbedFooter? = nil, color: Int? = nil, timestamp: String? = nil) {
        self.title = title
        self.description = description
        self.fields = fields
        self.footer = footer
        self.color = color
        self.timestamp = timestamp
    }
}

public struct EmbedField: Sendable, Encodable, Equatable {
    public var name: String
    public var value: String
    public var inline: Bool?

    public init(name: String, value: String, inline: Bool? = nil) {
        self.name = name
        self.value = value
        self.inline = inline
    }
}

public struct EmbedFooter: Sendable, Encodable, Equatable {
    public var text: String
}
