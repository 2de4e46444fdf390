import CoreMetrics
import Foundation
import Hummingbird

// What operators expect beside the live metrics: HTTP requests by route and status, queue
// depths, build info. Created through the server's own factory, as every metric of
// `ServerMetrics` is. Every label value comes from a closed set
// (the router's route templates, a fixed list of methods, status codes, queue names), so a
// hostile client cannot mint new series.
extension ServerMetrics {
    /// One HTTP request answered: counted and timed by method, route template and status.
    func recordHTTPRequest(method: HTTPRequest.Method, route: String, status: HTTPResponse.Status, duration: Duration) {
        let dimensions = [("method", Self.methodLabel(method)), ("route", route), ("status", String(status.code))]
        CoreMetrics.Counter(label: "trailbrake_http_requests_total", dimensions: dimensions, factory: factory).increment()
        CoreMetrics.Timer(label: "trailbrake_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(Self.nanoseconds(duration))
    }

    /// Items waiting in each queue, at the time of the scrape.
    func recordQueueDepths(_ depths: [String: Int]) {
        for (queue, depth) in depths {
            CoreMetrics.Gauge(label: "trailbrake_queue_depth", dimensions: [("queue", queue)], factory: factory).record(depth)
        }
    }

    /// `trailbrake_build_info{version, swift}` = 1, the usual way to put versions on a dashboard.
    func recordBuildInfo() {
        CoreMetrics.Gauge(
            label: "trailbrake_build_info",
            dimensions: [("version", CoachServerVersion.serverVersion), ("swift", Self.compilerVersion)], factory: factory
        ).record(1)
    }

    static let knownMethods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]

    static func methodLabel(_ method: HTTPRequest.Method) -> String {
        knownMethods.contains(method) ? method.rawValue : "other"
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    static var compilerVersion: String {
        #if compiler(>=6.4)
        "6.4+"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6.1-"
        #endif
    }
}
