import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage

/// A browser on the drivers' pages of an `EndToEndServer`: signs in with a real login link (as
/// the listen page does) and fetches pages with the cookie it was given.
struct DriverPagesBrowser: Sendable {
    let port: Int
    let cookie: String?

    var authority: String { "127.0.0.1:\(port)" }

    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let bodyBytes: Int
        let body: String
    }

    /// Signs `driverID` in through `POST /listen/login` with a link minted in the database.
    static func signIn(_ server: EndToEndServer, driverID: Int64) async throws -> DriverPagesBrowser {
        let secret = try await LoginLinkRepository(database: server.database).create(driverID: driverID, lifetime: 600).secret
        let anonymous = DriverPagesBrowser(port: server.port, cookie: nil)
        let answer = try await anonymous.request("/listen/login", method: .post, form: "link=\(secret)")
        guard let setCookie = answer.headers[.setCookie], setCookie.hasPrefix("trailbrake_listen=") else {
            throw TestFailure("sign-in gave no cookie: \(answer.status)")
        }
        return DriverPagesBrowser(port: server.port, cookie: String(setCookie.dropFirst("trailbrake_listen=".count).prefix { $0 != ";" }))
    }

    /// `gzip: true` asks for a compressed body and leaves it compressed (`bodyBytes` is the wire size).
    func request(
        _ path: String, method: HTTPRequest.Method = .get, language: String? = nil, gzip: Bool = false, form: String? = nil,
        extraCookie: String? = nil
    ) async throws -> Page {
        var headers = HTTPFields()
        let cookies = [cookie.map { "trailbrake_listen=\($0)" }, extraCookie].compactMap { $0 }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        headers[.origin] = "http://\(authority)"
        if let language { headers[.acceptLanguage] = language }
        if gzip { headers[.acceptEncoding] = "gzip" }
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let request = TestClient.Request(
            path, method: method, authority: authority, headers: headers, body: form.map { ByteBuffer(string: $0) })
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in try await client.execute(request) }
        let body = response.body ?? ByteBuffer()
        return Page(status: response.head.status, headers: response.head.headerFields, bodyBytes: body.readableBytes, body: String(buffer: body))
    }
}

extension DriverPagesBrowser.Page {
    /// The text of the first element with this id (`id="NAME">TEXT<`).
    func text(ofID id: String) -> String? {
        guard let range = body.range(of: "id=\"\(id)\">") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "<" })
    }

    /// The table row of a lap on the session page (`data-lap="N"` to `</tr>`).
    func lapRow(_ number: Int32) -> String? {
        guard let range = body.range(of: "<tr data-lap=\"\(number)\"") else { return nil }
        let rest = body[range.lowerBound...]
        return rest.range(of: "</tr>").map { String(rest[..<$0.upperBound]) }
    }

    /// The lap id the row links to (`/laps/ID`).
    func lapID(_ number: Int32) -> Int64? {
        guard let row = lapRow(number), let range = row.range(of: "href=\"/laps/") else { return nil }
        return Int64(row[range.upperBound...].prefix { $0.isNumber })
    }

    /// `data-points` of each chart section, by id.
    var chartPoints: [String: Int] {
        var result: [String: Int] = [:]
        for part in body.components(separatedBy: "<section class=\"chart-block\" id=\"").dropFirst() {
            let id = String(part.prefix { $0 != "\"" })
            if let range = part.range(of: "data-points=\"") { result[id] = Int(part[range.upperBound...].prefix { $0 != "\"" }) }
        }
        return result
    }
}
