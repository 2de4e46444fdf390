extension BotStrings {
    /// Türkçe. İsimler kaçışlı gelir (`FeedFormatter.escape`).
    static let turkish: [BotText: String] = [
        .notInServer: "Trailbrake komutları bir sunucuda çalışır.",
        .failed: "Bir şeyler ters gitti ({code}).",
        .unknownCommand: "Bilinmeyen komut: /{command}.",
        .needsManageServer: "/{command} için Sunucuyu Yönet yetkisi gerekir.",

        .linkCodeInvalid: "Bu kod çalışmıyor: kodlar yalnızca bir kez ve birkaç dakika içinde çalışır. `trailbrake discord link-code --driver AD` ile yeni bir kod alın.",
        .linked: "Bu sunucu artık **{driver}** sürücüsünü görebilir: `/coach report driver:{driver}`; yöneticiler `/coach follow` ile takip edebilir. Geri almak için `/coach unlink driver:{driver}`.",
        .unlinkNeedsName: "Bir trailbrake sürücü adı verin.",
        .unlinkNotLinked: "{driver} bu sunucuya bağlı değil.",
        .unlinkNotAllowed: "{driver} bağlantısını yalnızca onu bağlayan üye ya da Sunucuyu Yönet yetkisi olan biri kaldırabilir.",
        .unlinked: "Bu sunucu artık {driver} sürücüsünü göremez; {driver} için takipleri kaldırıldı.",
        .notShared: "{driver} koçluk bilgilerini bu sunucuyla paylaşmadı. Sürücü `trailbrake discord link-code --driver {driver}` komutunu çalıştırıp kodu burada `/coach link` ile girebilir.",

        .resultStarters: "{count} başlayan",
        .resultStrength: "Alan gücü {sof}",
        .resultPosition: "{position}. (sınıfta {classPosition}.)",
        .resultLaps: "Tur {laps} · Olay {incidents}x",
        .resultBestLap: "En iyi tur {time}",
        .resultOut: "Çıkış: {reason}",

        .feedLap: "🏁 **{driver}** {lap}. tur, {track}: {time}{delta}{invalid}",
        .feedNoTime: "süre yok",
        .feedDelta: " (referansa {delta} sn)",
        .feedInvalid: " · geçersiz",
        .feedCue: "📣 **{driver}** {lap}. tur{corner}: {text}",
        .feedEnded: "**{driver}** oturumu bitirdi",

        .reportTitle: "Trailbrake · {session} oturumu",
    ]
}
