import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TestSupport

@testable import CoachServer

/// The spec a client reads from the server is the one in the repository (docs/openapi.yaml);
/// scripts/api-conformance.sh checks the running server against it with schemathesis.
@Suite struct OpenAPIDocumentTests {
    @Test func theServedSpecIsDocsOpenAPIYAMLByteForByteWithoutAToken() async throws {
        let file = try Data(contentsOf: TestData.packageRoot.appendingPathComponent("docs/openapi.yaml"))
        try await RunningServer.with { server in
            let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
                try await client.get("/api/v1/openapi.yaml", headers: [:])
            }
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
            let body = response.body.map { Data($0.readableBytesView) } ?? Data()
            #expect(body.count > 1_000)
            #expect(body == file)
        }
    }

    /// Every path of the REST table in docs/api.md is in the spec, so neither is updated alone.
    @Test func everyPathOfTheAPIDocumentIsInTheSpec() throws {
        let spec = String(decoding: OpenAPIDocument.bytes, as: UTF8.self)
        let prose = try String(contentsOf: TestData.packageRoot.appendingPathComponent("docs/api.md"), encoding: .utf8)
        let paths = prose.split(separator: "\n").filter { $0.hasPrefix("| `GET ") }.compactMap { line -> String? in
            guard let path = line.split(separator: " ").dropFirst(2).first else { return nil }
            return String(path.split(separator: "?")[0].replacingOccurrences(of: "`", with: ""))
        }
        #expect(paths.count >= 9)
        for path in paths { #expect(spec.contains("\n  \(path):"), "\(path) is in docs/api.md but not in docs/openapi.yaml") }
    }
}
