/// The team page's words, one instance per language.
struct TeamStrings: Sendable {
    var title, intro, none, driver, team, live, driving, notLive, delta, lastCues, lastLaps, lap, time, valid, invalid: String
    var message, send, messageHint, messages, from, to, sent, outcome, waiting, said, notSaid, whereSaid: String
    var queued, tooLong, empty, invalidText, rateLimited, notLiveRefused, driverBusy, noLaps, noMessages: String

    static func of(_ language: WebLanguage) -> TeamStrings { language == .english ? .english : .turkish }

    static let english = TeamStrings(
        title: "Team", intro: "Drivers who shared their coaching with a team you are in, live while they drive.",
        none: "No driver has shared their coaching with a team you are in.", driver: "Driver", team: "Team", live: "Live",
        driving: "driving now", notLive: "not driving now", delta: "Delta", lastCues: "Last cues", lastLaps: "Last laps", lap: "Lap", time: "Time",
        valid: "valid", invalid: "not valid", message: "Message to the driver", send: "Send",
        messageHint: "Spoken to the driver at the next place between corners.", messages: "Messages", from: "From", to: "To",
        sent: "Sent", outcome: "Outcome", waiting: "waiting for a straight", said: "said", notSaid: "not said (the session ended)",
        whereSaid: "lap %@ at %@ m",
        queued: "Message queued: the driver hears it at the next place between corners.",
        tooLong: "The message is too long: at most %@ characters.", empty: "The message is empty.",
        invalidText: "The message may not hold control characters.",
        rateLimited: "Too many messages: at most %@ a minute. Try again shortly.",
        notLiveRefused: "The driver is not driving now: nobody would hear the message.",
        driverBusy: "%@ messages are already waiting for this driver.", noLaps: "No laps stored yet.", noMessages: "No messages yet.")

    static let turkish = TeamStrings(
        title: "Takım", intro: "Bulunduğunuz bir takımla koçluğunu paylaşan sürücüler, sürerken canlı.",
        none: "Bulunduğunuz takımlarla koçluğunu paylaşan sürücü yok.", driver: "Sürücü", team: "Takım", live: "Canlı",
        driving: "şu an sürüyor", notLive: "şu an sürmüyor", delta: "Fark", lastCues: "Son ipuçları", lastLaps: "Son turlar", lap: "Tur", time: "Süre",
        valid: "geçerli", invalid: "geçersiz", message: "Sürücüye mesaj", send: "Gönder",
        messageHint: "Sürücüye virajlar arasındaki ilk uygun yerde okunur.", messages: "Mesajlar", from: "Gönderen", to: "Alıcı",
        sent: "Gönderildi", outcome: "Sonuç", waiting: "düzlük bekleniyor", said: "okundu", notSaid: "okunmadı (oturum bitti)",
        whereSaid: "%@. tur, %@ m",
        queued: "Mesaj sıraya alındı: sürücü virajlar arasındaki ilk uygun yerde duyacak.",
        tooLong: "Mesaj çok uzun: en çok %@ karakter.", empty: "Mesaj boş.",
        invalidText: "Mesaj denetim karakteri içeremez.",
        rateLimited: "Çok fazla mesaj: dakikada en çok %@. Biraz sonra yeniden deneyin.",
        notLiveRefused: "Sürücü şu an sürmüyor: mesajı duyan olmaz.",
        driverBusy: "Bu sürücü için zaten %@ mesaj bekliyor.", noLaps: "Henüz kayıtlı tur yok.", noMessages: "Henüz mesaj yok.")
}
