extension TeamStrings {
    /// Türkçe. `{user}` bahsetme olarak gelir (kimseyi dürtmez), saatler okuyanın saat diliminde.
    static let turkish: [TeamText: String] = [
        .notInServer: "Takım araçları doğrudan mesajda değil, bir sunucuda çalışır.",
        .failed: "Bir şeyler ters gitti ({code}). Lütfen biraz sonra yeniden deneyin.",
        .unknownCommand: "Bilinmeyen komut: /{command}.",
        .needsRole: "/{command} için en az {role} rolü gerekir; sizin rolünüz: {yours}.",
        .limitReached: "Bu, sunucunun bir sınırını aşar ({limit}).",
        .roleOwner: "sahip",
        .roleAdmin: "yönetici",
        .roleMember: "üye",
        .roleGuest: "misafir",

        .rolesHeader: "Discord rolleri ve verdikleri takım rolleri:",
        .rolesLine: "{role} → {level}",
        .rolesNone: "Henüz eşlenmiş bir Discord rolü yok: Sunucuyu Yönet yetkisi olanlar sahip, diğer herkes misafirdir.",
        .rolesYours: "Takım rolünüz: {level}.",
        .roleMapped: "{role} artık {level} takım rolünü veriyor. Üyeler bunu bir sonraki komutlarında alır.",
        .roleUnmapped: "{role} artık bir takım rolü vermiyor.",
        .roleUnchanged: "Hiçbir şey değişmedi.",
        .roleEveryone: "@everyone eşlenemez: bir rol seçin.",
        .roleIncomplete: "Eşlemeyi değiştirmek için ROLE ve LEVEL ikisini birden verin, görmek için hiçbirini vermeyin.",
        .languageSet: "Takımın dili artık Türkçe.",
        .languageUnchanged: "Takımın dili zaten Türkçeydi.",

        .eventCreated: "{event} numaralı etkinlik oluşturuldu: {track} pistinde {name}, yeşil bayrak {start}, {hours} saat, {stint} dakikalık stintler, {cars} araç. Pilotlar /event signup event:{event} ile kaydolur.",
        .invalidStart: "Başlangıcı UTC olarak YYYY-AA-GG SS:DD biçiminde, örneğin 2026-06-13 14:00, gelecekte bir zaman olarak verin.",
        .invalidLength: "Yarış 1 ile {max} saat arasında sürmeli; stintler en az {min} dakika ve en çok yarış uzunluğunda olmalı.",
        .invalidText: "Adlar en çok {max} karakter olabilir.",
        .noSuchEvent: "Burada {event} numaralı bir etkinlik yok.",
        .carName: "Araç {number}",

        .signedUp: "{name} etkinliğine iRacing üyesi {member} ({driver}) olarak kaydoldunuz; saatler {zone} diliminde gösterilir. Müsait saatlerinizi /event available ile işaretleyin.",
        .signupRefused: "Kayıt reddedildi: {reason}.",
        .invalidZone: "Bilinmeyen saat dilimi “{zone}”. Europe/Istanbul ya da America/New_York gibi bir IANA adı kullanın.",
        .invalidMemberID: "iRacing üye numaranızı (customer id) yazın, örneğin 123456.",
        .memberNotFound: "iRacing'de {member} numaralı bir üye yok.",
        .memberTaken: "iRacing üyesi {member} zaten başka biri tarafından kaydedilmiş.",
        .iracingUnavailable: "Şu anda iRacing'e sorulamadı ({code}); sınırlar denetlenemediği için lütfen daha sonra yeniden deneyin.",
        .iracingOff: "Bu sunucuda iRacing bağlı değil, bu yüzden katılım sınırları denetlenemiyor.",
        .refusalNoLicence: "{category} lisansınız yok",
        .refusalIRatingUnknown: "henüz {category} iRating değeriniz yok",
        .refusalIRatingLow: "iRating değeriniz {have}, en az {need} olmalı",
        .refusalIRatingHigh: "iRating değeriniz {have}, en çok {limit} olabilir",
        .refusalLicenceLow: "lisans sınıfınız {have}, en az {need} olmalı",
        .refusalSafetyLow: "güvenlik puanınız {have}, en az {need} olmalı",

        .availableAdded: "İşaretlendi: {from} ile {to} arası ({zone}). Bu etkinlik için {count} zaman aralığınız var.",
        .invalidSpan: "Bu takvimde bir zaman değil: DAY için YYYY-AA-GG, HOUR için 0–23 ve HOURS için 1–{max} verin.",
        .notSignedUp: "Önce /event signup ile {event} numaralı etkinliğe kaydolun.",

        .planProposed: "{name} için önerilen plan ({count} stint). Bir yönetici /event publish event:{event} ile yayımlar.",
        .planFailed: "Her kuralı koruyan bir plan yok. Sağlanamayan: {constraint}. {detail}",
        .planNoDrivers: "{event} numaralı etkinliğe henüz kimse kaydolmadı.",
        .constraintEventSetup: "etkinliğin ayarları",
        .constraintEntryLimits: "katılım sınırları",
        .constraintAvailability: "pilotların işaretlediği saatler",
        .constraintMaximumDriving: "araçta en uzun süre",
        .constraintMinimumRest: "stintler arasındaki en kısa dinlenme",
        .constraintSpotter: "her stint için bir gözcü",
        .published: "{name} planının {version}. sürümü yayımlandı; {count} pilot stintlerini DM ile alacak.",
        .noProposal: "{event} numaralı etkinlik için önerilmiş bir plan yok: önce /event plan çalıştırın.",

        .showHeader: "**{name}**, plan s{version}, saatler {zone} diliminde · sayfa {page}/{pages}",
        .showMore: "Sonraki sayfa: /event show event:{event} page:{next}",
        .noPlan: "{event} numaralı etkinliğin henüz yayımlanmış bir planı yok.",
        .tableLine: "`{from}–{to}` {car} #{number}: {driver}",
        .tableSpotter: " · gözcü {spotter}",
        .tableCaptain: "{car}: kaptan {captain}",

        .dmHeader: "**Trailbrake · {name}** ({track}), plan s{version}",
        .dmZone: "Stintleriniz, saatler {zone} diliminde:",
        .dmStint: "• {car}, {number}. stint: {from} – {to}",
        .dmSpotting: "• gözcülük: {car}, {number}. stint: {from} – {to}",
        .dmNoStints: "Planın bu sürümünde stintiniz yok.",
        .help: """
            **Takım araçları**
            /event signup EVENT MEMBER_ID TZ: kayıt (iRating ve lisansınız denetlenir) · /event available EVENT DAY HOUR HOURS: kendi saatinize göre sürebileceğiniz saatler · /event show EVENT: sizin saat diliminizde plan
            Yöneticiler: /team roles [ROLE LEVEL] · /team language · /event create · /event plan EVENT · /event publish EVENT
            """,
    ]
}
