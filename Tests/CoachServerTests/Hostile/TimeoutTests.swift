import Foundation
import ServerTestSupport
import Testing

@testable import CoachServer
@testable import ServerSettings

/// Issue 13 item 4, timeouts: a request head still arriving after
/// `live.request_head_timeout_seconds` (however slowly it trickles, on a new or a kept-alive
/// connection, over TLS too) and a live client silent for `live.idle_timeout_seconds` after
/// `hello` (error, close 1008, and the session stays resumable).
@Suite(.serialized) struct TimeoutTests {
    static let headTimeout = 0.5

    @Test func aHeadThatTricklesInIsClosedAtTheDeadline() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.requestHeadTimeoutSeconds = Self.headTimeout }) { server in
            try await withTimeout(seconds: 30) {
                let socket = try await HostileSocket.connect(port: server.port)
                let started = ContinuousClock.now
                try await socket.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                // A header line every 100 ms: never idle, never complete.
                let trickle = Task {
                    for index in 0..<100 {
                        try await Task.sleep(for: .milliseconds(100))
                        try await socket.send("X-Slow-\(index): 1\r\n")
                    }
                }
                defer { trickle.cancel() }
                #expect(await socket.isClosed(within: 5), "slow headers held the connection")
                let elapsed = ContinuousClock.now - started
                #expect(elapsed >= .seconds(Self.headTimeout * 0.9) && elapsed < .seconds(4), "closed after \(elapsed)")
                // The server goes on serving.
                #expect(try await RESTTests.get(server, "/api/v1/health", token: nil).0 == .ok)
            }
        }
    }

    @Test func aConnectionThatSendsNothingAndAKeptAliveOneAreClosed() async throws {
        try await RunningServer.forRawClients(configure: { $0.live.requestHeadTimeoutSeconds = Self.headTimeout }) { server in
            try await withTimeout(seconds: 30) {
                let silent = try await HostileSocket.connect(port: server.port)
                #expect(await silent.isClosed(within: 5))
                // One complete request, then half of the next head.
                let keptAlive = try await HostileSocket.connect(port: server.port)
                try await keptAlive.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let first = try await keptAlive.read("the first response") { RawHTTPResponse.parse($0) }
                #expect(first.status == 200)
                try await keptAlive.send("GET /api/v1/health HTTP/1.1\r\n")
                #expect(await keptAlive.isClosed(within: 5))
            }
        }
    }

    @Test func aTLSClientThatNeverStartsItsHandshakeIsClosed() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await RunningServer.forRawClients(configure: { configuration in
            configuration.live.requestHeadTimeoutSeconds = Self.headTimeout
            configuration.tls = .init(enabled: true, certificatePath: certificate.certificateURL.path, keyPath: certificate.keyURL.path)
        }) { server in
            let plain = try await HostileSocket.connect(port: server.port)
            #expect(await plain.isClosed(within: 5))
        }
    }

    @Test func aSilentClientAfterHelloIsClosedAndCanResume() async throws {
        // 1.5 s against messages every 200 ms: margin for a loaded machine.
        try await RunningServer.forRawClients(configure: { $0.live.idleTimeoutSeconds = 1.5 }) { server in
            try await withTimeout(seconds: 30) {
                let (client, session) = try await HostileWebSocket.startSession(port: server.port)
                // Messages more often than the timeout keep it open...
                for seq in 1...6 {
                    try await client.sendBatch(seq: UInt64(seq), ClientMessages.frames(1, from: seq))
                    try await Task.sleep(for: .milliseconds(200))
                }
                // ... silence does not.
                let (messages, close) = try await client.readUntilClose()
                let errors = messages.filter { $0.contains(#""type":"error""#) }
                #expect(errors.count == 1 && errors[0].contains(#""code":"idle_timeout""#) && errors[0].contains(#""fatal":true"#))
                #expect(close.closeCode == 1008 && close.closeReason == "idle_timeout")
                #expect(await eventually(within: 5) { try await server.liveSessions() == 0 })
                let again = try await HostileWebSocket.connect(port: server.port)
                try await again.send(text: ClientMessages.hello(resume: (session, 6)))
                let welcome = try await again.next("welcome")
                #expect(welcome.resumed == true && welcome.session == session && welcome.next_seq == 7)
            }
        }
    }
}
