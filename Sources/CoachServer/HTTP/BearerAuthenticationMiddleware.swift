import Foundation
import Hummingbird

/// Accepts `Authorization: Bearer <token>` or, for clients that cannot set headers, `?token=`.
/// Anything else is answered 401 before any handler (or WebSocket upgrade) runs.
struct BearerAuthenticationMiddleware<Context: DriverScopedRequestContext>: RouterMiddleware {
    let authenticator: any DriverAuthenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let token = BearerToken.extract(from: request) else { throw APIError.unauthorized }
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
    /// `Authorization: Bearer <token>`, else `?token=`; nil when neither holds a non-empty one.
    static func extract(from request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let prefix = "bearer "
            guard header.count > prefix.count, header.lowercased().hasPrefix(prefix) else { return nil }
            let token = header.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        guard let token = request.uri.queryParameters.get("token"), !token.isEmpty else { return nil }
        return token
    }
}
