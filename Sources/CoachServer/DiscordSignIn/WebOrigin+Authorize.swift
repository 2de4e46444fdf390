import Foundation
import ServerSettings

extension WebOrigin {
    /// The origin of an address with a path (Discord's authorization page), for CSP.
    init?(authorizeURL: String) {
        guard let parts = URLComponents(string: authorizeURL), let scheme = parts.scheme, let host = parts.host else { return nil }
        self.init(scheme: scheme, host: host, port: parts.port)
    }
}
