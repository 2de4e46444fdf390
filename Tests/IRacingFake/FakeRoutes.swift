import Foundation
import HTTPTypes
import Hummingbird

/// The fake's routes. Responses copy iRacing's shapes and error bodies (iracing-data.md §3).
struct FakeRoutes: Sendable {
    let state: FakeIRacingState
    let baseURL: BaseURLBox

    func register(on router: Router<BasicRequestContext>) {
        router.post("/oauth2/token") { request, _ in
            let body = try await request.body.collect(upTo: 65_536)
            return await FakeOAuth(state: state).token(form: String(buffer: body))
        }
        router.get("/data/{group}/{name}") { request, context in
            let path = "/data/\(context.parameters.get("group") ?? "")/\(context.parameters.get("name") ?? "")"
            return await data(path: path, request: request)
        }
        router.get("/s3/{key}") { request, context in
            await linkedFile(key: context.parameters.get("key") ?? "", request: request)
        }
        router.get("/chunks/{key}") { request, context in
            await linkedFile(key: context.parameters.get("key") ?? "", request: request)
        }
    }

    private func data(path: String, request: Request) async -> Response {
        await state.dataStarted()
        defer { Task { await state.dataFinished() } }
        if let delay = await state.dataDelay { try? await Task.sleep(for: delay) }
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { $1 })
        let label = path + "?" + query.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "&")
        let (headers, overLimit) = await state.countDataRequest(label)
        guard let token = request.headers[.authorization], token.hasPrefix("Bearer "),
            await state.isValid(accessToken: String(token.dropFirst(7)))
        else { return Self.json(401, ["error": "Unauthorized"], headers: headers) }
        if overLimit { return Self.json(429, ["error": "Rate limit exceeded"], headers: headers) }
        switch await state.nextFault() {
        case .unauthorized: return Self.json(401, ["error": "Unauthorized"], headers: headers)
        case .rateLimited(let resetIn):
            let reset = Int(Date().timeIntervalSince1970) + resetIn
            return Self.json(429, ["error": "Rate limit exceeded"], headers: await state.rateLimitHeaders(remaining: 0, reset: reset))
        case .maintenance:
            return Self.json(
                503, ["error": "Site Maintenance", "note": "The site is currently undergoing maintenance. Please try your request later."],
                headers: headers)
        case .badRequest: return Self.json(400, ["error": "Bad Request"], headers: headers)
        case nil: break
        }
        do {
            let content = FakeContent(state: state, base: baseURL.url)
            guard let envelope = try await content.envelope(path: path, query: query) else {
                return Self.json(404, ["error": "Not Found"], headers: headers)
            }
            return Self.json(200, envelope, headers: headers)
        } catch {
            return Self.json(500, ["error": "fake: \(error)"], headers: headers)
        }
    }

    /// S3 refuses a second authentication (the bearer header) and expired signatures.
    private func linkedFile(key: String, request: Request) async -> Response {
        let hasAuthorization = request.headers[.authorization] != nil
        let (data, expired) = await state.file(key, withAuthorization: hasAuthorization)
        if hasAuthorization {
            return Self.xml(400, "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>")
        }
        if expired { return Self.xml(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>") }
        guard let data else { return Self.xml(404, "<Error><Code>NoSuchKey</Code></Error>") }
        return Response(
            status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func json(_ status: Int, _ object: [String: Any], headers: [String: String] = [:]) -> Response {
        body(status, (try? object.json()) ?? Data(), headers: headers)
    }

    static func body(_ status: Int, _ data: Data, headers: [String: String] = [:]) -> Response {
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func xml(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
