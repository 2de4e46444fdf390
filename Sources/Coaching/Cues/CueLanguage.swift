/// Languages the coach speaks; raw values are the protocol's `hello.language` codes.
public enum CueLanguage: String, Sendable, Codable, CaseIterable {
    case english = "en"
    case turkish = "tr"
}
