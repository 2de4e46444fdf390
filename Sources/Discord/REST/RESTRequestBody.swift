import Foundation

/// A request body: JSON, or multipart form data for file uploads.
enum RESTRequestBody: Sendable {
    case none
    case json(Data)
    case multipart(MultipartForm)
}

/// `multipart/form-data` as Discord takes uploads: a `payload_json` part with the message and
/// one `files[n]` part per file.
struct MultipartForm: Sendable {
    struct File: Sendable {
        var name: String
        var filename: String
        var contentType: String
        var bytes: Data
    }

    var payloadJSON: Data
    var files: [File]
    /// A boundary that cannot occur in the parts (checked when encoding).
    var boundary = "trailbrake-\(UUID().uuidString)"

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    func encoded() -> Data {
        var body = Data()
        func append(_ text: String) { body.append(Data(text.utf8)) }
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n")
        append("Content-Type: application/json\r\n\r\n")
        body.append(payloadJSON)
        append("\r\n")
        for file in files {
            append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n")
            append("Content-Type: \(file.contentType)\r\n\r\n")
            body.append(file.bytes)
            append("\r\n")
        }
        append("--\(boundary)--\r\n")
        return body
    }
}
