import Hummingbird
import Storage

/// The drivers' pages go out with the listen page's headers (`ListenPageResponses`: no-store,
/// CSP with scripts and styles only from this server, nosniff) and gzipped when the browser
/// accepts it: a lap page's SVG is mostly digits and shrinks about fourfold.
enum DriverPageResponses {
    static func page(_ html: String, status: HTTPResponse.Status = .ok, request: Request, secure: Bool, setCookie: String? = nil) -> Response {
        var response = ListenPageResponses.html(html, status: status, request: request, secure: secure, setCookie: setCookie)
        compressIfAccepted(&response, bytes: Array(html.utf8), request: request)
        return response
    }

    static func asset(_ bytes: [UInt8], contentType: String, request: Request) -> Response {
        var response = ListenPageResponses.asset(bytes, contentType: contentType)
        compressIfAccepted(&response, bytes: bytes, request: request)
        return response
    }

    private static func compressIfAccepted(_ response: inout Response, bytes: [UInt8], request: Request) {
        response.headers[.vary] = "Accept-Encoding"
        guard acceptsGzip(request.headers[.acceptEncoding]), let compressed = GzipEncoding.gzip(bytes) else { return }
        response.headers[.contentEncoding] = "gzip"
        response.body = .init(byteBuffer: ByteBuffer(bytes: compressed))
    }

    /// `gzip` listed without `q=0` (the header is the client's: read, never trusted further).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header, header.utf8.count <= 1_024 else { return false }
        return header.split(separator: ",").contains { entry in
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" || parts.first == "*" else { return false }
            return !parts.dropFirst().contains { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }
        }
    }
}
