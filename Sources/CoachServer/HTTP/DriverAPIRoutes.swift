import Hummingbird

/// The REST API over a driver's own sessions and laps. Every lookup is scoped to the token's
/// driver; another driver's ids get the same 404 as ids that do not exist.
struct DriverAPIRoutes: Sendable {
    let reader: any DriverDataReader

    func register(on group: RouterGroup<DriverRequestContext>) {
        group.get("sessions") { _, context in
            let sessions = try await reader.sessions(driverID: try context.requireDriver().id)
            return try JSONResponse.make(["sessions": sessions])
        }
        group.get("sessions/:id/laps") { _, context in
            let driver = try context.requireDriver()
            let sessionID = context.parameters.get("id") ?? ""
            guard let laps = try await reader.laps(sessionID: sessionID, driverID: driver.id) else {
                throw APIError.notFound("session")
            }
            return try JSONResponse.make(["laps": laps])
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
            let format = request.uri.queryParameters.get("format") ?? "json"
            guard format == "json" || format == "csv" else {
                throw APIError(.badRequest, "format must be json or csv")
            }
            guard let frames = try await reader.telemetry(lapID: lapID, driverID: driver.id) else {
                throw APIError.notFound("lap \(lapID)")
            }
            if format == "csv" {
                return Response(
                    status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: TelemetryExport.csv(frames))))
            }
            return try JSONResponse.make(TelemetryExport.JSONBody(lapID: lapID, frames: frames.map(TelemetryExport.Row.init)), snakeCase: false)
        }
    }

    /// A positive integer id, or 400 naming what was wrong.
    static func id(_ text: String?, name: String) throws -> Int64 {
        guard let text, let id = Int64(text), id > 0 else { throw APIError(.badRequest, "\(name) must be a positive integer") }
        return id
    }
}
