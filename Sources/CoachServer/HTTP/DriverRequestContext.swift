import Hummingbird
import NIOCore

/// A request context that carries the driver the bearer token belongs to.
public protocol DriverScopedRequestContext: RequestContext {
    var driver: AuthenticatedDriver? { get set }
}

extension DriverScopedRequestContext {
    /// The authenticated driver; only reachable behind `BearerAuthenticationMiddleware`.
    func requireDriver() throws -> AuthenticatedDriver {
        guard let driver else { throw APIError.unauthorized }
        return driver
    }
}

/// Context of REST requests.
public struct DriverRequestContext: DriverScopedRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var driver: AuthenticatedDriver?
    /// The connection, so a response that stops making progress can end it (`ExportStallGuard`).
    public let channel: any Channel

    public init(source: Source) {
        coreContext = .init(source: source)
        driver = nil
        channel = source.channel
    }
}
