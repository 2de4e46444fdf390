/// The listen page's style sheet and scripts, hand-written files under `ListenPage/Assets`
/// embedded in the binary by SwiftPM (`.embedInCode`): no build chain, no CDN, nothing to
/// install beside the executable, and the page works on a LAN without internet.
enum ListenPageAssets {
    struct Asset {
        let bytes: [UInt8]
        let contentType: String
    }

    static func named(_ name: String) -> Asset? {
        switch name {
        case "listen.css": Asset(bytes: PackageResources.listen_css, contentType: "text/css; charset=utf-8")
        case "listen.js": Asset(bytes: PackageResources.listen_js, contentType: "text/javascript; charset=utf-8")
        case "listen-audio.js": Asset(bytes: PackageResources.listen_audio_js, contentType: "text/javascript; charset=utf-8")
        case "login.js": Asset(bytes: PackageResources.login_js, contentType: "text/javascript; charset=utf-8")
        default: nil
        }
    }
}
