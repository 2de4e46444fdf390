import ArgumentParser
import CoachServer
import ServerSettings

/// `--host` and `--port`, shared by `serve` and `config check` (which shows what `serve` would use).
struct ListenOptions: ParsableArguments {
    @Option(help: "Address to listen on (server.host).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (server.port).")
    var port: Int?

    /// Sets what was given; returns the dotted names of the keys it set.
    @discardableResult
    func apply(to configuration: inout ServerConfiguration) throws -> Set<String> {
        var set: Set<String> = []
        if let host {
            configuration.server.host = host
            set.insert("server.host")
        }
        if let port {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
            configuration.server.port = port
            set.insert("server.port")
        }
        return set
    }
}
