import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Tracing

/// Sends one request with async-http-client and collects the whole response.
///
/// Network failures become `IRacingError.transport` naming only the request's label (an
/// endpoint path, or "linked file"): pre-signed URLs carry a signature and never reach an error.
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount
    /// A `client` span per request, named by method and label (never the URL: links are signed).
    var tracer: (any Tracer)? = nil
    /// Larger than any real body (a 60-driver result is about 250 KB, a lap-data chunk less).
    static let maximumBodyBytes = 32 * 1024 * 1024

    func get(_ url: String, headers: HTTPHeaders = [:], label: String) async throws(IRacingError) -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers = headers
        return try await send(request, label: label)
    }

    func postForm(_ url: String, form: [(String, String)], label: String) async throws(IRacingError) -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        return try await send(request, label: label)
    }

    private func send(_ request: HTTPClientRequest, label: String) async throws(IRacingError) -> HTTPReply {
        guard let tracer else { return try await sendUntraced(request, label: label) }
        let method = request.method.rawValue
        // Labels of calls without a path of their own ("linked file") get the method in front.
        let span = tracer.startSpan("iracing \(label.hasPrefix(method + " ") ? label : "\(method) \(label)")", ofKind: .client)
        span.attributes["http.request.method"] = method
        span.attributes["trailbrake.iracing.request"] = label
        defer { span.end() }
        do {
            let reply = try await sendUntraced(request, label: label)
            span.attributes["http.response.status_code"] = reply.status
            if reply.status >= 400 { span.setStatus(SpanStatus(code: .error)) }
            return reply
        } catch {
            span.attributes["trailbrake.error"] = error.code
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }

    private func sendUntraced(_ request: HTTPClientRequest, label: String) async throws(IRacingError) -> HTTPReply {
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
            return HTTPReply(status: Int(response.status.code), headers: response.headers, body: Data(body.readableBytesView))
        } catch is CancellationError {
            throw IRacingError.transport("\(label): cancelled")
        } catch let error as HTTPClientError {
            throw IRacingError.transport("\(label): \(error.shortDescription)")
        } catch {
            throw IRacingError.transport("\(label): \(type(of: error))")
        }
    }
}

extension HTTPClientError {
    /// The error kind without any request detail.
    fileprivate var shortDescription: String {
        switch self {
        case .deadlineExceeded, .readTimeout, .connectTimeout: "timed out"
        case .remoteConnectionClosed: "connection closed"
        default: "request failed"
        }
    }
}

/// `application/x-www-form-urlencoded` with every reserved character escaped: masked secrets
/// are base64 and contain `+`, `/` and `=`, which must not reach the server raw.
enum FormEncoding {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
