import Foundation
import Hummingbird

/// Accepts `Authorization: Bearer <token>` on the REST API. A `?token=` query parameter is
/// refused with 401 even beside a good header: URLs end up in proxy and access logs, so only
/// the WebSocket upgrade (whose clients may not be able to set headers) takes one.
/// Anything else is answered 401 before any handler runs.
struct BearerAuthenticationMiddleware<Context: DriverScopedRequestContext>: RouterMiddleware {
    let authenticator: any DriverAuthenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if BearerToken.isInQuery(request) { throw APIError.tokenInQuery }
        guard let token = BearerToken.fromHeader(request) else { throw APIError.unauthorized }
        let driver: AuthenticatedDriver?
        do { driver = try await authenticator.authenticate(token: token) } catch {
            context.logger.error("token check failed", metadata: ["error": "\(error)"])  // never the token itself
            throw APIError(.internal, "authentication is unavailable")
        }
        guard let driver else { throw APIError.unauthorized }
        var context = context
        context.driver = driver
        context.logger[metadataKey: "driver"] = "\(driver.id)"
        return try await next(request, context)
    }

}

/// Where a client may put its bearer token.
enum BearerToken {
    /// For the WebSocket upgrade: `Authorization: Bearer <token>`, else `?token=`; nil when
    /// neither holds a non-empty one.
    static func extract(from request: Request) -> String? {
        if request.headers[.authorization] != nil { return fromHeader(request) }
        guard let token = request.uri.queryParameters.get("token"), !token.isEmpty else { return nil }
        return token
    }

    /// `Authorization: Bearer <token>` only (the REST API).
    static func fromHeader(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let prefix = "bearer "
        guard header.count > prefix.count, header.lowercased().hasPrefix(prefix) else { return nil }
        let token = header.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// Whether the URL carries a `token` parameter, even an empty one.
    static func isInQuery(_ request: Request) -> Bool {
        request.uri.queryParameters.get("token") != nil
    }
}

extension APIError {
    static let tokenInQuery = APIError(
        .unauthorized,
        "a token in the URL is accepted only on the WebSocket upgrade; send it as the header Authorization: Bearer <token>")
}
