extension ServerConfiguration {
    /// `[references]`: the `/references` page's upload (docs/web.md, "References").
    public struct References: Sendable, Equatable {
        /// The largest lap file an admin may upload; a larger body is refused (413) unread.
        public var maxUploadBytes = 67_108_864
    }
}

extension ConfigurationKey {
    package static let references: [ConfigurationKey] = [
        // A lap CSV is a few MB; an .ibt of a long session can pass 100 MB.
        .integer("references", "max_upload_bytes", \.references.maxUploadBytes, range: 65_536...1_073_741_824),
    ]
}
