/// The live and listen sockets' paths, fixed by the protocol (docs/protocol.md); kept with the
/// settings because loading them checks that `server.echo_path` differs from both.
package enum EndpointPath {
    package static let live = "/api/v1/coaching/live"
    package static let listen = "/api/v1/coaching/listen"
}
