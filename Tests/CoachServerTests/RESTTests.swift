import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import CoachServer

@Suite struct RESTTests {
    static func get(_ server: RunningServer, _ path: String, token: String? = FakeAuthenticator.aliceToken)
        async throws -> (HTTPResponse.Status, String)
    {
        let headers: HTTPFields = token.map { [.authorization: "Bearer \($0)"] } ?? [:]
        let response = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.get(path, headers: headers)
        }
        return (response.status, String(buffer: response.body ?? ByteBuffer()))
    }

    @Test func requestsWithoutAValidTokenGet401() async throws {
        try await RunningServer.with { server in
            for token in [nil, "nope"] {
                let (status, body) = try await Self.get(server, "/api/v1/sessions", token: token)
                #expect(status == .unauthorized)
                #expect(body.contains(#"{"error":{"code":"unauthorized""#))
            }
        }
    }

    /// URLs land in proxy logs: REST takes the token from the header only, and says so.
    @Test func aTokenInTheQueryIsRefusedOnEveryRESTRoute() async throws {
        try await RunningServer.with { server in
            let token = FakeAuthenticator.aliceToken
            for path in ["/api/v1/sessions", "/api/v1/sessions/session-a/laps", "/api/v1/laps/100", "/api/v1/laps/100/telemetry",
                         "/api/v1/laps/compare?a=100&b=100", "/api/v1/coaching/live"] {
                let separator = path.contains("?") ? "&" : "?"
                for header in [nil, token] {  // alone, and beside a valid header
                    let (status, body) = try await Self.get(server, "\(path)\(separator)token=\(token)", token: header)
                    #expect(status == .unauthorized, "\(path)")
                    #expect(body.contains(#""code":"unauthorized""#))
                    #expect(body.contains("accepted only on the WebSocket upgrade"), "\(body)")
                }
            }
            // The header alone still works.
            #expect(try await Self.get(server, "/api/v1/sessions").0 == .ok)
        }
    }

    @Test func everyEndpointIsScopedToTheTokensDriver() async throws {
        try await RunningServer.with { server in
            let (_, sessions) = try await Self.get(server, "/api/v1/sessions")
            #expect(sessions.contains(#""id":"session-a""#))
            #expect(!sessions.contains("session-b"))

            #expect(try await Self.get(server, "/api/v1/laps/100").0 == .ok)
            #expect(try await Self.get(server, "/api/v1/sessions/session-a/laps").0 == .ok)
            // Bob's ids look exactly like missing ones to Alice.
            for path in ["/api/v1/laps/200", "/api/v1/laps/999", "/api/v1/sessions/session-b/laps", "/api/v1/laps/200/telemetry",
                         "/api/v1/laps/compare?a=100&b=200"] {
                let (status, body) = try await Self.get(server, path)
                #expect(status == .notFound, "\(path)")
                #expect(body.contains(#""code":"not_found""#))
            }
            #expect(try await Self.get(server, "/api/v1/laps/200", token: FakeAuthenticator.bobToken).0 == .ok)
        }
    }

    @Test func badParametersGet400() async throws {
        try await RunningServer.with { server in
            for path in ["/api/v1/laps/abc", "/api/v1/laps/100/telemetry?format=xml", "/api/v1/laps/compare?a=100"] {
                let (status, body) = try await Self.get(server, path)
                #expect(status == .badRequest, "\(path)")
                #expect(body.contains(#""code":"bad_request""#))
            }
        }
    }

    @Test func telemetryDownloadsAsJSONAndCSV() async throws {
        try await RunningServer.with { server in
            let (status, csv) = try await Self.get(server, "/api/v1/laps/100/telemetry?format=csv")
            #expect(status == .ok)
            let lines = csv.split(separator: "\n")
            #expect(lines.first == "t,lap,dist,pct,speed,throttle,brake,clutch,steer,gear,rpm,latAccel,longAccel,yawRate,lat,lon,pit,surface")
            #expect(lines.count == 4)
            #expect(lines[2].hasPrefix("0.016666666666666666,2,0.7,,42.0,1.0,0.0,,,3,"))

            let (_, json) = try await Self.get(server, "/api/v1/laps/100/telemetry")
            struct Body: Decodable {
                struct Row: Decodable { var t: Double; var dist: Float; var rpm: Float? }
                var lap_id: Int64
                var frames: [Row]
            }
            let body = try JSONDecoder().decode(Body.self, from: Data(json.utf8))
            #expect(body.lap_id == 100)
            #expect(body.frames.map(\.dist) == [0, 0.7, 1.4])
            #expect(body.frames.allSatisfy { $0.rpm == nil })
        }
    }

    @Test func comparisonOfTwoOwnLaps() async throws {
        try await RunningServer.with { server in
            let (status, body) = try await Self.get(server, "/api/v1/laps/compare?a=100&b=100")
            #expect(status == .ok)
            #expect(body.contains(#""lap_time_delta":0"#))
        }
    }
}
