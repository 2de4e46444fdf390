import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Tracing

/// The iRacing `/data` API client: OAuth, pacing, retries and the two-step fetch, behind
/// typed calls (`IRacingClient+Endpoints.swift`).
///
/// A data call first asks `members-ng` (with the bearer token, one rate-limit unit) and gets a
/// link; the body is then fetched from the pre-signed link WITHOUT the token (S3 refuses two
/// authentications). A link that has expired (403) is asked for again, once.
public final class IRacingClient: Sendable {
    let configuration: IRacingClientConfiguration
    let transport: HTTPTransport
    let session: OAuthSession
    let limiter: RateLimiter
    let breaker: CircuitBreaker
    let logger: Logger
    let metrics: IRacingMetrics

    public init(
        configuration: IRacingClientConfiguration, credentials: IRacingCredentials, tokenFile: RefreshTokenFile,
        httpClient: HTTPClient = .shared, logger: Logger, metrics: IRacingMetrics = IRacingMetrics(),
        tracer: (any Tracer)? = nil
    ) {
        self.configuration = configuration
        let timeout = TimeAmount.milliseconds(Int64(max(configuration.requestTimeout, 0.001) * 1_000))
        self.transport = HTTPTransport(client: httpClient, timeout: timeout, tracer: tracer)
        self.session = OAuthSession(
            credentials: credentials, oauthBaseURL: configuration.oauthBaseURL, transport: transport, tokenFile: tokenFile,
            logger: logger, metrics: metrics)
        self.limiter = RateLimiter(maxInFlight: configuration.maxInFlight, resetMargin: configuration.resetMargin)
        self.breaker = CircuitBreaker(
            threshold: configuration.circuitBreakerThreshold, coolDown: configuration.circuitBreakerCoolDown)
        self.logger = logger
        self.metrics = metrics
    }

    /// Whether calls are failing fast after repeated failures.
    public var isCircuitOpen: Bool {
        get async { await breaker.isOpen }
    }

    /// The final JSON body of `endpoint`, after following a `link` or `data_url`.
    public func document(_ endpoint: IRacingEndpoint) async throws(IRacingError) -> Data {
        var attempt = 0
        while true {
            attempt += 1
            let first = try await dataCall(endpoint)
            let envelope = try? IRacingDate.decoder().decode(LinkEnvelope.self, from: first)
            guard let target = envelope?.link ?? envelope?.dataUrl else { return first }
            do {
                return try await linkedFile(target)
            } catch .linkExpired where attempt < 2 {
                logger.debug("iRacing link expired; asking again", metadata: ["endpoint": "\(endpoint.path)"])
            }
        }
    }

    /// Decodes `endpoint`'s final body as `T`.
    public func decoded<T: Decodable>(_ endpoint: IRacingEndpoint, as type: T.Type = T.self) async throws(IRacingError) -> T {
        try Self.decode(T.self, from: try await document(endpoint), label: endpoint.path)
    }

    /// A chunked result: the header and every chunk's rows, in order. A chunk link that has
    /// expired sends the whole fetch round once more.
    func chunked<Header: Decodable & Sendable, Row: Decodable & Sendable>(
        _ endpoint: IRacingEndpoint, header: Header.Type, row: Row.Type, chunks: (Header) -> ChunkInfo?
    ) async throws(IRacingError) -> (Header, [Row]) {
        var attempt = 0
        while true {
            attempt += 1
            let decodedHeader = try await decoded(endpoint, as: Header.self)
            guard let info = chunks(decodedHeader) else { return (decodedHeader, []) }
            do {
                var rows: [Row] = []
                for url in info.chunkURLs {
                    rows += try Self.decode([Row].self, from: try await linkedFile(url), label: "\(endpoint.path) chunk")
                }
                return (decodedHeader, rows)
            } catch .linkExpired where attempt < 2 {
                logger.debug("iRacing chunk link expired; asking again", metadata: ["endpoint": "\(endpoint.path)"])
            }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, label: String) throws(IRacingError) -> T {
        do {
            return try IRacingDate.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw .decoding("\(label): \(error.summary)")
        } catch {
            throw .decoding("\(label): unreadable body")
        }
    }
}

extension DecodingError {
    /// Which key or type was wrong, without the body.
    var summary: String {
        switch self {
        case .keyNotFound(let key, let context): "missing \(context.path(appending: key))"
        case .typeMismatch(_, let context): "wrong type at \(context.path())"
        case .valueNotFound(_, let context): "null at \(context.path())"
        case .dataCorrupted(let context): "corrupt at \(context.path())"
        @unknown default: "undecodable"
        }
    }
}

extension DecodingError.Context {
    fileprivate func path(appending key: (any CodingKey)? = nil) -> String {
        let keys = codingPath + (key.map { [$0] } ?? [])
        return keys.isEmpty ? "top level" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
