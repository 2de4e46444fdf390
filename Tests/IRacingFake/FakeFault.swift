import Foundation

/// A failure the fake applies to the next `/data` requests, in order.
enum FakeFault: Sendable, Equatable {
    /// 401 `{"error":"Unauthorized"}`, as when the token expired on iRacing's side.
    case unauthorized
    /// 429 with the reset `resetIn` seconds from now.
    case rateLimited(resetIn: Int)
    /// 503 `{"error":"Site Maintenance", ...}`.
    case maintenance
    /// 400 `{"error":"Bad Request"}`.
    case badRequest
}

/// The published masking test vectors the fake's OAuth endpoint checks against, verbatim
/// (iracing-data.md section 4.2): the client's masking must produce exactly these strings.
enum MaskingVectors {
    static let clientID = "john.smith@iracing.com"
    static let clientSecret = "SuperSecure123"
    static let maskedClientSecret = "3NkLTzZtITXmFo7HHDwbGEnZox4VfwLMHHaNZzdNuE4="
    static let username = "CLunky@iracing.Com"
    static let password = "MyPassWord"
    static let maskedPassword = "xGKecAR27ALXNuMLsGaG0v5Q9pSs2tZTZRKNgmHMg+Q="
}
