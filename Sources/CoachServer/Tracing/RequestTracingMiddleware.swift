import HTTPTypes
import Hummingbird
import Tracing

/// A `server` span per HTTP request, named by method and route template (`GET
/// /api/v1/laps/{id}`), ended once the response body is written (streamed exports included).
///
/// Hummingbird's own `TracingMiddleware` starts its spans on the process-global
/// `InstrumentationSystem`; this one takes the server's tracer, so a server with tracing off
/// (and every other server in a test process) spends nothing and exports nothing. A caller's
/// W3C `traceparent` is honoured; no header, query or body is recorded (they carry tokens).
struct RequestTracingMiddleware<Context: RequestContext>: RouterMiddleware {
    let tracer: any Tracer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var parent = InstrumentationContext.topLevel
        tracer.extract(request.headers, into: &parent, using: HeaderExtractor())
        let span = tracer.startSpan("\(request.method.rawValue) unmatched", context: parent, ofKind: .server)
        span.attributes["http.request.method"] = request.method.rawValue
        do {
            var response = try await InstrumentationContext.$current.withValue(span.context) {
                try await next(request, context)
            }
            Self.describe(span, method: request.method, route: context.endpointPath, status: response.status)
            let body = response.body
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer { span.end() }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            Self.describe(span, method: request.method, route: context.endpointPath, status: status)
            span.end()
            throw error
        }
    }

    private static func describe(_ span: any Span, method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status) {
        if let route {
            span.operationName = "\(method.rawValue) \(route)"
            span.attributes["http.route"] = route
        }
        span.attributes["http.response.status_code"] = status.code
        // OpenTelemetry's HTTP server convention: only 5xx is the server's error.
        if status.code >= 500 { span.setStatus(SpanStatus(code: .error)) }
    }
}

/// Reads W3C trace context headers (`traceparent`, `tracestate`) for the tracer.
struct HeaderExtractor: Extractor {
    func extract(key: String, from headers: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { headers[$0] }
    }
}
