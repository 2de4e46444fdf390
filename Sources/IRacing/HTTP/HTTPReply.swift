import Foundation
import NIOHTTP1

/// A whole HTTP response: the status, the headers and the body bytes.
struct HTTPReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    /// iRacing's `{"error": "...", "note": "..."}` words, for error descriptions (never tokens).
    var errorWords: String {
        struct ErrorBody: Decodable {
            var error: String?
            var note: String?
            var message: String?
        }
        guard let decoded = try? JSONDecoder().decode(ErrorBody.self, from: body) else { return "HTTP \(status)" }
        return [decoded.error, decoded.note ?? decoded.message].compactMap { $0 }.joined(separator: ": ")
    }
}
