import Foundation
import NIOSSL
import ServerTestSupport
import Testing

@testable import CoachServer
@testable import ServerSettings

/// Issue 13 item 1: however a socket ends without a clean close, its session goes to the resume
/// window: `/api/v1/health` stops counting it at once, and when the window is over its partial
/// lap is stored and it is ended (`ended_at`). Each way is driven with raw bytes against a real
/// server with a two-second window.
@Suite(.serialized) struct AbnormalEndTests {
    enum Ending: String, CaseIterable, Sendable {
        case tcpReset
        case frameOverTheSizeLimit
        case tlsWithoutCloseNotify
        case unreadableTLSRecord
        case reservedOpcode
        case plainFINWithoutCloseFrame
    }

    /// Long enough to see the session detached but not yet ended on a loaded machine.
    static let resumeWindow = 2.0
    static let maxMessageBytes = 2_048

    @Test(arguments: Ending.allCases)
    func theSessionGoesToTheResumeWindowThenItsPartialLapIsStored(ending: Ending) async throws {
        let tls = ending == .tlsWithoutCloseNotify || ending == .unreadableTLSRecord
        let certificate = tls ? try TestCertificate() : nil
        defer { certificate?.remove() }
        try await RunningServer.forRawClients(configure: { configuration in
            configuration.live.resumeWindowSeconds = Self.resumeWindow
            configuration.live.maxMessageBytes = Self.maxMessageBytes
            if let certificate { configuration.tls = .init(enabled: true, certificatePath: certificate.certificateURL.path, keyPath: certificate.keyURL.path) }
        }) { server in
            let clientTLS = try certificate.map(Self.trusting)
            try await withTimeout(seconds: 30) {
                let (client, session) = try await HostileWebSocket.startSession(port: server.port, tls: clientTLS)
                try await client.sendBatch(seq: 1, ClientMessages.frames(5))
                #expect(try await client.next("ack").seq == 1)
                #expect(try await server.liveSessions(tls: clientTLS) == 1)

                try await Self.end(client, ending)

                #expect(await eventually(within: 5) { try await server.liveSessions(tls: clientTLS) == 0 }, "the session stays attached")
                #expect(await !server.backend.store.endedSessions.contains(session), "ended before the resume window was over")
                #expect(await server.sessionEnds(session, within: Self.resumeWindow + 5), "the session never ended")
                let partial = await server.partialLaps(of: session)
                #expect(partial.count == 1 && partial.first?.lap.frames.count == 5, "the partial lap was not stored")
            }
        }
    }

    static func end(_ client: HostileWebSocket, _ ending: Ending) async throws {
        switch ending {
        case .tcpReset:
            try await client.socket.reset()
        case .frameOverTheSizeLimit:
            // One frame: NIO's decoder refuses it before any message is assembled.
            try await client.send(WebSocketWire.frame(.binary, [UInt8](repeating: 0, count: maxMessageBytes + 1)))
            let (_, close) = try await client.readUntilClose()
            #expect(close.closeCode == 1009)
        case .tlsWithoutCloseNotify:
            try await client.socket.dropWithoutTLSClose()
        case .unreadableTLSRecord:
            // An application-data record header and bytes no key decrypts.
            try await client.socket.sendBelowTLS([0x17, 0x03, 0x03, 0x00, 0x20] + [UInt8](repeating: 0x5A, count: 32))
            #expect(await client.socket.isClosed(within: 5))
        case .reservedOpcode:
            try await client.send(WebSocketWire.frame(3, []))
            let (_, close) = try await client.readUntilClose()
            #expect(close.closeCode == 1002)
            await client.socket.close()
        case .plainFINWithoutCloseFrame:
            await client.socket.close()
        }
    }

    static func trusting(_ certificate: TestCertificate) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificate.certificatePEM.utf8), format: .pem)])
        return configuration
    }
}
