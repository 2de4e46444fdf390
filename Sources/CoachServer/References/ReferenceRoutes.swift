import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServerSettings
import WebPages

/// `/references` (docs/web.md, "References"): the library with each track map, for any signed-in
/// driver; admins (`admin.drivers`) also get the upload.
///
/// - `POST /references/import?name=FILE&track=&configuration=&length=`: the lap file is the raw
///   body (the page's script sends it; no multipart parser reads hostile input here), at most
///   `references.max_upload_bytes` (413 past it); the CSRF token in `X-CSRF-Token` and a
///   same-site `Origin`. A file that cannot be imported answers 400 (or 409 while another import
///   runs) with the page saying why, with the reader's stable code. A non-admin gets 404.
struct ReferenceRoutes: Sendable {
    let shelf: any ReferenceShelf
    let sessions: any BrowserSessionStore
    let admins: ServerSettings.ServerConfiguration.Admin
    let settings: ServerSettings.ServerConfiguration.References
    let origins: OriginPolicy
    let renderer: WebPageRenderer
    let secure: Bool
    let discordOrigin: String?

    func register(on router: Router<DriverRequestContext>) {
        router.get("/references") { request, context in await handle(request, logger: context.logger, upload: false) }
        router.post("/references/import") { request, context in await handle(request, logger: context.logger, upload: true) }
    }

    private func handle(_ request: Request, logger: Logger, upload: Bool) async -> Response {
        var context = DriverPageContext(request: request, session: nil, secure: secure, discordSignIn: discordOrigin != nil)
        do {
            guard let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie) else {
                return respond(renderer.notice(.signIn, chrome: context.chrome), .unauthorized, request, context)
            }
            context = DriverPageContext(request: request, session: session, secure: secure, discordSignIn: discordOrigin != nil)
            let isAdmin = admins.driverNames.contains(session.driver.name)
            var outcome: ReferencesPageInput.Outcome?
            var status = HTTPResponse.Status.ok
            if upload {
                guard isAdmin else { return respond(renderer.notice(.notFound, chrome: context.chrome), .notFound, request, context) }
                guard origins.allows(request.head), let token = request.headers[HTTPField.Name("X-CSRF-Token")!],
                    ListenPageRoutes.constantTimeEquals(token, session.csrfToken)
                else { return respond(renderer.notice(.formRefused, chrome: context.chrome), .forbidden, request, context) }
                (outcome, status) = await importUpload(request, logger: logger)
            }
            let input = ReferencesPageInput(
                references: await shelf.entries().map(\.input), uploadLimit: isAdmin ? settings.maxUploadBytes : nil, outcome: outcome)
            return respond(renderer.references(input, chrome: context.chrome), status, request, context)
        } catch {
            logger.error("references page failed", metadata: ["error": "\(error)"])
            return respond(renderer.notice(.unavailable, chrome: context.chrome), .serviceUnavailable, request, context)
        }
    }

    private func importUpload(_ request: Request, logger: Logger) async -> (ReferencesPageInput.Outcome, HTTPResponse.Status) {
        let query = request.uri.queryParameters
        let name = String(query.get("name")?.prefix(200) ?? "")
        let text: (String) -> String? = { key in
            query.get(key).map { String($0.prefix(100)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var length: Double?
        if let given = text("length") {
            guard let metres = Double(given.replacingOccurrences(of: ",", with: ".")), metres.isFinite, (100...100_000).contains(metres) else {
                return (.refused(code: "invalid_length", reason: "the track length must be 100 to 100000 metres"), .badRequest)
            }
            length = metres
        }
        let bytes: [UInt8]
        do {
            var body = try await request.body.collect(upTo: settings.maxUploadBytes)
            bytes = body.readBytes(length: body.readableBytes) ?? []
        } catch {
            let limit = settings.maxUploadBytes / 1_048_576
            return (.refused(code: "upload_too_large", reason: "the file is larger than \(limit) MB (references.max_upload_bytes)"), .contentTooLarge)
        }
        guard !bytes.isEmpty else { return (.refused(code: "empty_upload", reason: "the upload held no file"), .badRequest) }
        do {
            let imported = try await shelf.importRecording(
                bytes, fileName: name, track: text("track"), configuration: text("configuration"), length: length)
            logger.info("reference imported from an upload", metadata: ["bytes": "\(bytes.count)", "references": "\(imported.count)"])
            return (.imported(imported), .ok)
        } catch let refusal as ReferenceImportRefusal {
            logger.notice("reference upload refused", metadata: ["code": "\(refusal.code)"])
            return (.refused(code: refusal.code, reason: refusal.reason), refusal.code == "busy" ? .conflict : .badRequest)
        } catch {
            return (.refused(code: "import_failed", reason: "the file could not be imported"), .badRequest)
        }
    }

    private func respond(_ html: String, _ status: HTTPResponse.Status, _ request: Request, _ context: DriverPageContext) -> Response {
        DriverPageResponses.page(html, status: status, request: request, secure: secure, setCookie: context.languageCookie, formTarget: discordOrigin)
    }
}
