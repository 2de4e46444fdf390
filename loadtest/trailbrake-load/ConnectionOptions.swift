import ArgumentParser
import Foundation
import LoadTesting
import NIOSSL
import WireClient

/// Where the server is, how to trust it, and the drivers' tokens.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server base URL (ws:// or wss://; http(s):// is accepted and converted).")
    var server = "ws://127.0.0.1:8080"

    @Option(name: .customLong("token"), help: "A driver token (repeatable; drivers share them round robin).")
    var tokens: [String] = []

    @Option(help: "File with one token per line, e.g. from `trailbrake token create --driver load --count N`.")
    var tokensFile: String?

    @Flag(help: "Use WSS (TLS) even when --server says ws://.")
    var tls = false

    @Option(help: "PEM file of the CA (or self-signed certificate) to trust for WSS.")
    var caFile: String?

    @Flag(help: "Do not verify the server's certificate (self-signed test servers only).")
    var insecure = false

    /// The endpoint URL for `path`, with the scheme WSS asks for.
    func url(path: String) -> String {
        var base = server
        for (from, to) in [("https://", "wss://"), ("http://", "ws://")] where base.hasPrefix(from) {
            base = to + base.dropFirst(from.count)
        }
        if tls, base.hasPrefix("ws://") { base = "wss://" + base.dropFirst("ws://".count) }
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    func loadTokens() throws -> [String] {
        var all = tokens
        if let tokensFile {
            let text: String
            do { text = try String(contentsOfFile: tokensFile, encoding: .utf8) } catch {
                throw ValidationError("cannot read --tokens-file \(tokensFile)")
            }
            all += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard !all.isEmpty else { throw ValidationError("give --token or --tokens-file (make tokens with `trailbrake token create`)") }
        return all
    }

    /// Trust for WSS: the given CA, none at all with --insecure (warned on stderr), else the
    /// system's roots. A server given by IP address is verified against the certificate's IP
    /// SANs (no SNI is sent for an address; see `WireSocket`).
    func tlsConfiguration(for url: String) throws -> TLSConfiguration? {
        guard url.hasPrefix("wss://") else { return nil }
        let trust: ServerTrust = insecure ? .noVerification : caFile.map { .certificateFile(path: $0) } ?? .systemRoots
        if insecure { FileHandle.standardError.write(Data((ServerTrust.insecureWarning + "\n").utf8)) }
        do { return try trust.tlsConfiguration() } catch { throw ValidationError(error.description) }
    }
}
