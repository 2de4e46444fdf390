import NIOSSL

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
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
