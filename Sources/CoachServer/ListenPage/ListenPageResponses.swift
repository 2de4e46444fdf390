import Hummingbird
import ServerSettings

/// The headers every listen page and asset goes out with.
enum ListenPageResponses {
    /// An HTML page: never cached (it holds a CSRF token), scripts only from this server, no
    /// framing, no referrer to other sites. `connect-src` names the socket's own origin explicitly besides
    /// `'self'`, for browsers whose `'self'` does not cover `ws:`/`wss:`.
    /// `formTarget`: one more origin forms may lead to. A form's redirect counts under CSP's
    /// `form-action`, so "Sign in with Discord" (a form answered with a 303 to Discord) needs
    /// Discord's origin here.
    static func html(
        _ text: String, status: HTTPResponse.Status = .ok, request: Request, secure: Bool, setCookie: String? = nil,
        formTarget: String? = nil
    ) -> Response {
        var headers = securityHeaders(contentType: "text/html; charset=utf-8")
        headers[.cacheControl] = "no-store"
        let origin = request.head.authority.flatMap { WebOrigin(host: $0, scheme: secure ? "https" : "http") }
        let socket = origin.map { " " + $0.webSocketOrigin } ?? ""
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'\(socket); "
            + "media-src 'self' blob:; form-action 'self'\(formTarget.map { " " + $0 } ?? ""); base-uri 'none'; frame-ancestors 'none'"
        if let setCookie { headers[.setCookie] = setCookie }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 to the listen page (after a sign-in or sign-out form), with its cookie change.
    static func backToListenPage(setCookie: String) -> Response {
        var headers = securityHeaders(contentType: "text/plain; charset=utf-8")
        headers[.location] = "/listen"
        headers[.cacheControl] = "no-store"
        headers[.setCookie] = setCookie
        return Response(status: .seeOther, headers: headers)
    }

    /// One of the page's scripts or its style sheet.
    static func asset(_ bytes: [UInt8], contentType: String) -> Response {
        var headers = securityHeaders(contentType: contentType)
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func securityHeaders(contentType: String) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType, .xContentTypeOptions: "nosniff"]
        // Not `no-referrer`: under it browsers send `Origin: null` on the page's own form posts,
        // which `OriginPolicy` must refuse. Other sites never get a referrer either way.
        headers[.init("Referrer-Policy")!] = "same-origin"
        return headers
    }
}
