import Coaching
import Hummingbird
import ServerSettings

/// The REST API over a driver's own sessions and laps. Every lookup is scoped to the token's
/// driver; another driver's ids get the same 404 as ids that do not exist.
struct DriverAPIRoutes: Sendable {
    let reader: any DriverDataReader
    let settings: ServerSettings.ServerConfiguration.API
    let exports: ExportAdmission

    init(reader: any DriverDataReader, settings: ServerSettings.ServerConfiguration.API) {
        self.reader = reader
        self.settings = settings
        exports = ExportAdmission(maximumTotal: settings.maxConcurrentExports, maximumPerDriver: settings.maxExportsPerDriver)
    }

    func register(on group: RouterGroup<DriverRequestContext>) {
        group.get("sessions") { request, context in
            let page = try PageParameters.request(from: request, settings: settings)
            let sessions = try await reader.sessions(driverID: try context.requireDriver().id, page: page)
            return try JSONResponse.make(PagedBody(name: "sessions", page: sessions))
        }
        group.get("sessions/:id/laps") { request, context in
            let driver = try context.requireDriver()
            let sessionID = context.parameters.get("id") ?? ""
            let page = try PageParameters.request(from: request, settings: settings)
            guard let laps = try await reader.laps(sessionID: sessionID, driverID: driver.id, page: page) else {
                throw APIError.notFound("session")
            }
            return try JSONResponse.make(PagedBody(name: "laps", page: laps))
        }
        group.get("sessions/:id/advice") { _, context in
            let driver = try context.requireDriver()
            let sessionID = context.parameters.get("id") ?? ""
            guard let advice = try await reader.advice(sessionID: sessionID, driverID: driver.id) else {
                throw APIError.notFound("session")
            }
            return try JSONResponse.make(advice)
        }
        group.get("sessions/:id/report") { request, context in
            let driver = try context.requireDriver()
            let sessionID = context.parameters.get("id") ?? ""
            let format = request.uri.queryParameters.get("format") ?? "json"
            guard format == "json" || format == "text" else { throw APIError(.badRequest, "format must be json or text") }
            let languageCode = request.uri.queryParameters.get("language") ?? "en"
            guard let language = CueLanguage(rawValue: languageCode) else { throw APIError(.badRequest, "language must be en or tr") }
            guard let report = try await reader.report(sessionID: sessionID, driverID: driver.id) else {
                throw APIError.notFound("session")
            }
            guard format == "text" else { return try JSONResponse.make(report) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: report.text(language: language) + "\n")))
        }
        // Registered before `laps/:id` so that "compare" is never read as an id.
        group.get("laps/compare") { request, context in
            let driver = try context.requireDriver()
            let a = try Self.id(request.uri.queryParameters.get("a"), name: "query parameter a")
            let b = try Self.id(request.uri.queryParameters.get("b"), name: "query parameter b")
            guard let comparison = try await reader.compare(lapA: a, lapB: b, driverID: driver.id) else {
                throw APIError.notFound("lap \(a) or \(b)")
            }
            return try JSONResponse.make(comparison)
        }
        group.get("laps/:id") { _, context in
            let driver = try context.requireDriver()
            let lapID = try Self.id(context.parameters.get("id"), name: "lap id")
            guard let detail = try await reader.lap(lapID, driverID: driver.id) else { throw APIError.notFound("lap \(lapID)") }
            return try JSONResponse.make(detail)
        }
        group.get("laps/:id/telemetry") { request, context in
            let driver = try context.requireDriver()
            let lapID = try Self.id(context.parameters.get("id"), name: "lap id")
            guard let format = TelemetryExport.Format(rawValue: request.uri.queryParameters.get("format") ?? "json") else {
                throw APIError(.badRequest, "format must be json or csv")
            }
            let stallGuard = ExportStallGuard(
                channel: context.channel, timeout: .milliseconds(Int64(settings.exportStallSeconds * 1_000)), logger: context.logger)
            let export = TelemetryExportResponse(
                reader: reader, admission: exports, maximumFrames: settings.exportMaxFrames, stallGuard: stallGuard)
            return try await export.response(lapID: lapID, driverID: driver.id, format: format)
        }
    }

    /// A positive integer id, or 400 naming what was wrong.
    static func id(_ text: String?, name: String) throws -> Int64 {
        guard let text, let id = Int64(text), id > 0 else { throw APIError(.badRequest, "\(name) must be a positive integer") }
        return id
    }
}
