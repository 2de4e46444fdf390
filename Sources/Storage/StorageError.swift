/// Errors the storage layer reports with a stable code, so the server can map them to
/// protocol and HTTP errors without parsing messages.
public enum StorageError: Error, Sendable, Equatable {
    case notFound(String)
    case corruptBlob(String)
    case invalidToken
}
