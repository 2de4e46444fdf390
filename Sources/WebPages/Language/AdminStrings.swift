/// The admin page's words, one instance per language.
struct AdminStrings: Sendable {
    var title, drivers, tokens, name, driver, label, created, expires, state, never: String
    var newTokenColumn, createToken, newDriver, createDriver, revoke, tokenOnce: String
    var driverCreated, nameTaken, invalidName, tokenCreated, tokenRevoked, noSuchToken, noSuchDriver: String
    var active, expired, revoked, off: String
    var feedQueue, dmQueue, lastSuccess, lastError, trackedDrivers, pendingPosts: String
    var recentCycles, noCycles, ended, checked, fetched, published, errors: String

    static func of(_ language: WebLanguage) -> AdminStrings { language == .english ? .english : .turkish }

    func status(_ code: String) -> String {
        switch code {
        case "active": active
        case "expired": expired
        default: revoked
        }
    }

    static let english = AdminStrings(
        title: "Administration", drivers: "Drivers", tokens: "Tokens", name: "Name", driver: "Driver", label: "Label",
        created: "Created", expires: "Expires", state: "State", never: "never",
        newTokenColumn: "New token", createToken: "Create token", newDriver: "New driver", createDriver: "Create driver",
        revoke: "Revoke", tokenOnce: "Copy this token now: it is shown once and stored only as a hash.",
        driverCreated: "Driver created:", nameTaken: "A driver has that name already.",
        invalidName: "A name is 1 to 64 characters, without control characters.", tokenCreated: "New token for",
        tokenRevoked: "Token revoked: its live sessions end within the token check interval.", noSuchToken: "No such token, or revoked already.",
        noSuchDriver: "No such driver.", active: "active", expired: "expired", revoked: "revoked", off: "off",
        feedQueue: "Live-feed events waiting", dmQueue: "Direct messages waiting", lastSuccess: "Last success", lastError: "Last error",
        trackedDrivers: "Tracked drivers", pendingPosts: "Result posts waiting",
        recentCycles: "Recent poller cycles", noCycles: "No cycle has run yet.", ended: "Ended", checked: "Members read",
        fetched: "Results", published: "Posts", errors: "Errors")

    static let turkish = AdminStrings(
        title: "Yönetim", drivers: "Sürücüler", tokens: "Anahtarlar", name: "Ad", driver: "Sürücü", label: "Etiket",
        created: "Oluşturuldu", expires: "Bitiş", state: "Durum", never: "hiçbir zaman",
        newTokenColumn: "Yeni anahtar", createToken: "Anahtar oluştur", newDriver: "Yeni sürücü", createDriver: "Sürücü oluştur",
        revoke: "İptal et", tokenOnce: "Bu anahtarı şimdi kopyalayın: yalnızca bir kez gösterilir ve yalnızca özeti saklanır.",
        driverCreated: "Sürücü oluşturuldu:", nameTaken: "Bu adda bir sürücü zaten var.",
        invalidName: "Ad 1 ile 64 karakter arasıdır ve denetim karakteri içermez.", tokenCreated: "Yeni anahtar:",
        tokenRevoked: "Anahtar iptal edildi: canlı oturumları anahtar denetimi aralığında biter.",
        noSuchToken: "Böyle bir anahtar yok ya da zaten iptal edilmiş.", noSuchDriver: "Böyle bir sürücü yok.",
        active: "etkin", expired: "süresi dolmuş", revoked: "iptal edilmiş", off: "kapalı",
        feedQueue: "Bekleyen canlı akış olayları", dmQueue: "Bekleyen özel mesajlar", lastSuccess: "Son başarı", lastError: "Son hata",
        trackedDrivers: "İzlenen sürücüler", pendingPosts: "Bekleyen sonuç gönderileri",
        recentCycles: "Son yoklayıcı döngüleri", noCycles: "Henüz döngü çalışmadı.", ended: "Bitti", checked: "Okunan üyeler",
        fetched: "Sonuçlar", published: "Gönderiler", errors: "Hatalar")
}
