import Hummingbird

/// Counts and times every HTTP request by route template (`/api/v1/laps/{id}`, never the raw
/// path), method and status, once the response body is written (streamed exports included).
/// Requests that match no route are labelled `NotFound` (Hummingbird's name for them).
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            let status = response.status
            // Recorded once the body is written (or its writing failed), through public API
            // only: Hummingbird's own post-write hook is `package`.
            let body = response.body
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer {
                    metrics.recordHTTPRequest(
                        method: request.method, route: context.endpointPath ?? "unmatched", status: status, duration: .now - start)
                }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.recordHTTPRequest(
                method: request.method, route: context.endpointPath ?? "unmatched", status: status, duration: .now - start)
            throw error
        }
    }
}
