import Foundation
import Hummingbird

/// An HTTP API error with a stable code, rendered as `{"error":{"code":...,"message":...}}`.
public struct APIError: HTTPResponseError, Sendable, Equatable {
    public enum Code: String, Sendable {
        case unauthorized
        /// A browser request from a page of another site (its `Origin`), or a form without its CSRF token.
        case forbidden
        case notFound = "not_found"
        case badRequest = "bad_request"
        case `internal`
        // WebSocket connection limits, answered instead of the upgrade.
        case tooManyConnections = "too_many_connections"
        case serverBusy = "server_busy"
        // Access: paging and exports (docs/api.md).
        case invalidParameter = "invalid_parameter"
        case exportTooLarge = "export_too_large"
        case tooManyExports = "too_many_exports"
        case exportsBusy = "exports_busy"
        /// The lap is kept but its frames were deleted (`[storage] telemetry_retention_days`).
        case telemetryDeleted = "telemetry_deleted"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var status: HTTPResponse.Status {
        switch code {
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .internal: .internalServerError
        case .tooManyConnections: .tooManyRequests
        case .serverBusy: .serviceUnavailable
        case .invalidParameter: .badRequest
        case .exportTooLarge: .contentTooLarge
        case .tooManyExports: .tooManyRequests
        case .exportsBusy: .serviceUnavailable
        case .telemetryDeleted: .gone
        }
    }

    /// Seconds a client should wait before trying again, for the answers that mean "not now".
    var retryAfterSeconds: Int? {
        switch code {
        case .tooManyExports, .exportsBusy: 1
        default: nil
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if code == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfterSeconds { headers[.retryAfter] = "\(retryAfterSeconds)" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: jsonBody()))
    }

    /// `{"error":{"code":...,"message":...}}`
    func jsonBody() -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // "code" before "message", as documented
        // Two plain strings always encode.
        let data = (try? encoder.encode(APIErrorBody(error: .init(code: code.rawValue, message: message)))) ?? Data()
        return ByteBuffer(bytes: data)
    }

    static let unauthorized = APIError(.unauthorized, "a valid bearer token is required")
    /// Used both for ids that do not exist and for other drivers' ids, so neither can be told apart.
    static func notFound(_ what: String) -> APIError { APIError(.notFound, "\(what) not found") }
}

/// `{"error":{"code":...,"message":...}}`
private struct APIErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
    }
    let error: Detail
}
