import Foundation

/// The failures Discord's edge and backend answer with now and then, bodies as they come:
/// Cloudflare's HTML page for 502 and 504, Envoy's plain text for 503, JSON only for 500. A
/// client that assumes a JSON error body breaks on most of them.
enum FakeServerErrors {
    /// The answer for `status` (500, 502, 503 or 504).
    static func reply(status: Int) -> FakeDiscordREST.Reply {
        switch status {
        case 502, 504:
            let title = status == 502 ? "502 Bad Gateway" : "504 Gateway Time-out"
            let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n"
            return FakeDiscordREST.Reply(status: status, headers: [("Content-Type", "text/html")], body: Data(page.utf8))
        case 503:
            let text = "upstream connect error or disconnect/reset before headers. reset reason: connection termination"
            return FakeDiscordREST.Reply(status: 503, headers: [("Content-Type", "text/plain")], body: Data(text.utf8))
        default:
            return FakeDiscordREST.Reply(status: status, body: json(["message": "500: Internal Server Error", "code": 0]))
        }
    }

    /// Requests still to be answered with a server error.
    struct Schedule: Sendable {
        var remaining = 0
        var status = 503
        /// Whether Discord did the work before the error (a lost answer) or never saw the request.
        var afterProcessing = false

        /// Takes one failure for the next request, if any is scheduled.
        mutating func take() -> (status: Int, afterProcessing: Bool)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return (status, afterProcessing)
        }
    }
}
