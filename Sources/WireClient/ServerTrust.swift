import NIOSSL

/// How a client trusts a `wss://` server: the system's roots, one CA (or self-signed
/// certificate) from a PEM file, or nothing at all (`--insecure`, test servers only; whoever
/// chooses it must warn the person).
///
/// The hostname or IP check is done by the TLS layer either way (`WireSocket` sends SNI only for
/// names), so a CA file never widens which server is accepted, only who may vouch for it.
public enum ServerTrust: Sendable, Equatable {
    case systemRoots
    case certificateFile(path: String)
    case noVerification

    /// The TLS settings for this trust; throws `.tls` when the CA file cannot be read as PEM.
    public func tlsConfiguration() throws(WireSocketError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch self {
        case .systemRoots:
            break
        case .certificateFile(let path):
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                guard !certificates.isEmpty else { throw WireSocketError.tls("no PEM certificate in \(path)") }
                configuration.trustRoots = .certificates(certificates)
            } catch let error as WireSocketError {
                throw error
            } catch {
                throw .tls("cannot read the CA file \(path) as PEM certificates: \(error)")
            }
        case .noVerification:
            configuration.certificateVerification = .none
        }
        return configuration
    }

    /// The line a command prints before it connects without verifying the server.
    public static let insecureWarning =
        "warning: --insecure: the server's certificate is NOT verified; anyone on the network path can read your telemetry and token"
}
