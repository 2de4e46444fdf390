/// The event page's broadcast form (team admins only), one instance per language.
struct BroadcastStrings: Sendable {
    var heading, to, allDrivers, crewOf, members, admins, message, limitNote, send: String
    var queued, limitReached, nobody, recentHeading, noRecent, delivered, waiting, closedCount, closedDMs: String

    static func of(_ language: WebLanguage) -> BroadcastStrings { language == .english ? .english : .turkish }

    static let english = BroadcastStrings(
        heading: "Message the team", to: "To", allDrivers: "Every driver of this event", crewOf: "The crew of",
        members: "Team members", admins: "Team admins", message: "Message",
        limitNote: "1 to {max} characters, sent by DM to each person once.", send: "Send",
        queued: "Broadcast {id} queued for {count} people.",
        limitReached: "Your team has sent as many broadcasts as this server allows in 24 hours.",
        nobody: "Nobody is in that audience, so nothing was sent.", recentHeading: "Recent broadcasts",
        noRecent: "No broadcast yet.", delivered: "delivered", waiting: "waiting", closedCount: "with closed DMs",
        closedDMs: "Closed DMs (not delivered):")

    static let turkish = BroadcastStrings(
        heading: "Takıma mesaj gönder", to: "Kime", allDrivers: "Bu etkinliğin tüm pilotları", crewOf: "Ekibi:",
        members: "Takım üyeleri", admins: "Takım yöneticileri", message: "Mesaj",
        limitNote: "1 ile {max} karakter arası; her kişiye bir kez DM olarak gider.", send: "Gönder",
        queued: "{id} numaralı duyuru {count} kişi için sıraya alındı.",
        limitReached: "Takımınız bu sunucunun 24 saatte izin verdiği kadar duyuru gönderdi.",
        nobody: "Bu kitlede kimse yok, hiçbir şey gönderilmedi.", recentHeading: "Son duyurular",
        noRecent: "Henüz duyuru yok.", delivered: "iletildi", waiting: "bekliyor", closedCount: "DM'leri kapalı",
        closedDMs: "DM'leri kapalı (iletilmedi):")
}
