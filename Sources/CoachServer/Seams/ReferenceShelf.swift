import Coaching

/// The reference library as `/references` shows it, and importing a lap file into it.
public protocol ReferenceShelf: Sendable {
    /// The references with their track maps, as the server knows them now.
    func entries() async -> [ReferenceLibrary.Entry]
    /// Imports the fastest valid lap of a lap file (`.ibt` or `.csv`, said by `fileName`).
    /// - Returns: the new references' track and car.
    /// - Throws: `ReferenceImportRefusal` with a stable code and a sentence for the page.
    func importRecording(_ bytes: [UInt8], fileName: String, track: String?, configuration: String?, length: Double?) async throws -> [String]
}

/// Why a file was not imported: `code` is stable (`unsupported_file`, `unreadable`,
/// `no_valid_lap`, `busy`, ...), `reason` says it in words.
public struct ReferenceImportRefusal: Error, Sendable, Equatable {
    public var code: String
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }
}
