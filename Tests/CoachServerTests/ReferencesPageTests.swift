import CoachServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import TestSupport

/// `/references`: the shipped library with each track map drawn; uploads only by admins, with
/// the page's token, bounded in size; hostile files get a page with a stable code, never a crash,
/// and a real .ibt becomes a reference shown on the page.
@Suite struct ReferencesPageTests {
    static let langley = "telemetry/rr_skmodified_langley_2015-05-28_14-46-23.ibt"

    static func with(maxUpload: Int = 67_108_864, _ body: @Sendable (ListenTestServer, URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "references-test")
        logger.logLevel = .critical
        let library = ReferenceDirectory.load(TestData.packageRoot.appendingPathComponent("ReferenceLaps"), logger: logger)
        var backend = TestBackend()
        backend.referenceShelf = DirectoryReferenceShelf(library: library, directory: directory)
        try await ListenTestServer.with(backend: backend, configure: {
            $0.admin.drivers = "alice"
            $0.references.maxUploadBytes = maxUpload
        }) { server in try await body(server, directory) }
    }

    static func upload(
        _ bytes: [UInt8], name: String, query: String = "", to server: ListenTestServer, cookie: String, csrf: String?
    ) async throws -> ListenTestServer.Answer {
        var headers: HTTPFields = [.cookie: "trailbrake_listen=\(cookie)", .origin: server.origin, .contentType: "application/octet-stream"]
        if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        let path = "/references/import?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")\(query)"
        let request = TestClient.Request(path, method: .post, authority: server.authority, headers: headers, body: ByteBuffer(bytes: bytes))
        let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { try await $0.execute(request) }
        return .init(status: response.head.status, headers: response.head.headerFields, body: String(buffer: response.body ?? ByteBuffer()))
    }

    @Test func theLibraryShowsEachReferenceWithItsTrackMap() async throws {
        try await Self.with { server, _ in
            #expect(try await server.request(.get, "/references").status == .unauthorized)
            let bob = try #require(try await server.signIn(try await server.mintLink(driverID: 2)).cookieValue)
            let page = try await server.request(.get, "/references", cookie: bob)
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: #"<section class="reference""#).count == 4, "the three shipped references")
            #expect(page.body.contains("Brands Hatch – GP"))
            let maps = page.body.components(separatedBy: #"<svg class="trackmap""#).dropFirst()
            #expect(maps.count == 3)
            for map in maps {
                let svg = map.components(separatedBy: "</svg>")[0]
                let corners = svg.components(separatedBy: #"<g class="corner""#).count - 1
                #expect(corners >= 5, "a map marks its corners")
                // The shipped (synthesised) references carry no positions: a strip of the lap's distance.
                let points = svg.firstMatch(of: /points="([^"]+)"/)?.1.split(separator: " ").count ?? 0
                #expect(points == 2)
            }
            #expect(!page.body.contains(#"id="reference-upload""#), "only admins may upload")
            let refused = try await Self.upload(Array("x".utf8), name: "a.ibt", to: server, cookie: bob, csrf: "x")
            #expect(refused.status == .notFound)
        }
    }

    @Test func hostileUploadsGetAClearPageAndTheServerCarriesOn() async throws {
        try await Self.with(maxUpload: 65_536) { server, directory in
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let csrf = try #require(try await BrowserSessionTokens.csrf(of: alice, on: server))
            #expect(try await server.request(.get, "/references", cookie: alice).body.contains(#"id="reference-upload""#))
            #expect(try await Self.upload(Array("x".utf8), name: "a.ibt", to: server, cookie: alice, csrf: nil).status == .forbidden)

            var ibtHeader = [UInt8](repeating: 0, count: 60_000)
            ibtHeader[0] = 2  // an .ibt version, then nothing that adds up
            let cases: [([UInt8], String, String, String, HTTPResponse.Status)] = [
                (Array("garbage".utf8), "lap.ibt", "", "unreadable", .badRequest),
                (ibtHeader, "lap.ibt", "", "unreadable", .badRequest),
                (Array("Time,Speed\n1,2\n3".utf8), "lap.csv", "", "", .badRequest),
                (Array("MZ".utf8), "setup.exe", "", "unsupported_file", .badRequest),
                ([], "lap.ibt", "", "empty_upload", .badRequest),
                ([UInt8](repeating: 7, count: 65_537), "big.ibt", "", "upload_too_large", .contentTooLarge),
                (Array("x".utf8), "lap.csv", "&length=-5", "invalid_length", .badRequest),
            ]
            for (bytes, name, query, code, status) in cases {
                let answer = try await Self.upload(bytes, name: name, query: query, to: server, cookie: alice, csrf: csrf)
                #expect(answer.status == status, "\(name) \(bytes.count) bytes")
                #expect(answer.body.contains(#"id="reference-refused""#), "\(name)")
                if !code.isEmpty { #expect(answer.body.contains(#"data-code="\#(code)""#), "\(name): \(answer.body.prefix(0))") }
                #expect(!answer.body.contains("trailbrake-upload-"), "the temporary path never shows")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "nothing imported")
            #expect(try await server.request(.get, "/references", cookie: alice).status == .ok)
        }
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "needs ../shared/data (absent)"))
    func aRealIBTBecomesAReferenceOnThePage() async throws {
        let file = try #require(TestData.sharedDataDirectory).appendingPathComponent(Self.langley)
        let bytes = [UInt8](try Data(contentsOf: file))
        try await Self.with { server, directory in
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let csrf = try #require(try await BrowserSessionTokens.csrf(of: alice, on: server))
            let answer = try await Self.upload(bytes, name: file.lastPathComponent, to: server, cookie: alice, csrf: csrf)
            #expect(answer.status == .ok, "\(answer.body.firstMatch(of: /reference-refused[^<]*/)?.0 ?? "")")
            #expect(answer.body.contains(#"id="reference-imported""#))
            #expect(answer.body.components(separatedBy: #"<section class="reference""#).count == 5)
            #expect(answer.body.contains("Langley Speedway"))
            // An .ibt has positions: the map is the lap's shape, not a strip.
            let map = try #require(answer.body.components(separatedBy: #"<svg class="trackmap""#).last?.components(separatedBy: "</svg>").first)
            let points = (map.firstMatch(of: /points="([^"]+)"/)?.1.split(separator: " ") ?? []).map { $0.split(separator: ",").compactMap { Double($0) } }
            #expect(points.count > 200)
            let ys = points.compactMap { $0.last }
            #expect((ys.max() ?? 0) - (ys.min() ?? 0) > 100, "an oval spans the box's height")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files.contains { $0.hasSuffix(".reference.json") } && files.contains { $0.hasSuffix(".trackmap.json") })
        }
    }
}
