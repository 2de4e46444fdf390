import Hummingbird

/// `GET /api/v1/openapi.yaml`: docs/openapi.yaml, embedded at build time (this folder's
/// `openapi.yaml` is a link to it), so the spec served is the spec in the repository and a
/// client generator can read it from any running server without a token.
enum OpenAPIDocument {
    static var bytes: [UInt8] { PackageResources.openapi_yaml }

    static func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
