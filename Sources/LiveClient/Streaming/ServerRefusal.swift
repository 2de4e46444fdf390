/// The server ended the conversation for good with a fatal `error` (e.g. `invalid_hello`): the
/// same hello would be refused again, so the client stops instead of reconnecting.
struct ServerRefusal: Error, CustomStringConvertible {
    let code: String
    let message: String
    var description: String { "the server refused the session: \(code): \(message)" }
}
