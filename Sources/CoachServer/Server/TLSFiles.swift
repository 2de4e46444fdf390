import NIOCore
import NIOSSL
import ServerSettings

/// Reads the PEM certificate chain and private key named in `[tls]`.
enum TLSFiles {
    static func serverConfiguration(_ tls: ServerConfiguration.TLS) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath)
        } catch {
            throw ConfigurationError.unreadableFile(path: tls.certificatePath, reason: "not a PEM certificate (\(error))")
        }
        do {
            key = try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)
        } catch {
            throw ConfigurationError.unreadableFile(path: tls.keyPath, reason: "not a PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        // NIOSSL waits this long for the client's close_notify before it closes the socket: a client
        // that never reads must not hold a connection (or the server's shutdown) for its default 5 s.
        configuration.shutdownTimeout = TimeAmount(seconds: tls.closeNotifyTimeoutSeconds)
        return configuration
    }
}
