/// The team event pages' words (`/events`, `/events/{guild}/{id}`), one instance per language.
struct EventStrings: Sendable {
    var title, noEvents, start, length, hours, planVersion, noPlan, signedUp, open: String
    var car, stint, time, driver, spotter, captain, captains, yourStints, noStints, timesIn: String
    var yourHours, noHours, preferred, markHeading, markOnClock, day, hour, hourCount, mark: String
    var marked, invalidSpan, limitReached, notSignedUp: String

    static func of(_ language: WebLanguage) -> EventStrings { language == .english ? .english : .turkish }

    static let english = EventStrings(
        title: "Events", noEvents: "No event of your teams yet. Events are created in Discord with /event create.",
        start: "Green flag", length: "Length", hours: "h", planVersion: "Plan version", noPlan: "No plan is published yet.",
        signedUp: "signed up", open: "Open", car: "Car", stint: "Stint", time: "Time", driver: "Driver", spotter: "Spotter",
        captain: "Captain", captains: "Captains", yourStints: "Your stints", noStints: "You have no stint in this plan.",
        timesIn: "Times in", yourHours: "Your marked hours", noHours: "You have not marked any hours yet.", preferred: "preferred",
        markHeading: "Mark hours you can drive", markOnClock: "On your own clock, in the zone you signed up with:",
        day: "Day", hour: "Starting hour", hourCount: "Hours", mark: "Mark", marked: "Marked.",
        invalidSpan: "That is not a time on your calendar: a day as YYYY-MM-DD, an hour 0–23 and 1–48 hours.",
        limitReached: "You have marked as many spans as this server allows for one event.",
        notSignedUp: "Sign up for this event in Discord with /event signup to mark your hours.")

    static let turkish = EventStrings(
        title: "Etkinlikler", noEvents: "Takımlarınızın henüz bir etkinliği yok. Etkinlikler Discord'da /event create ile oluşturulur.",
        start: "Yeşil bayrak", length: "Süre", hours: "sa", planVersion: "Plan sürümü", noPlan: "Henüz yayımlanmış bir plan yok.",
        signedUp: "kayıtlı", open: "Aç", car: "Araç", stint: "Stint", time: "Saat", driver: "Pilot", spotter: "Gözcü",
        captain: "Kaptan", captains: "Kaptanlar", yourStints: "Stintleriniz", noStints: "Bu planda stintiniz yok.",
        timesIn: "Saatler şu dilimde:", yourHours: "İşaretlediğiniz saatler", noHours: "Henüz saat işaretlemediniz.", preferred: "tercih",
        markHeading: "Sürebileceğiniz saatleri işaretleyin", markOnClock: "Kendi saatinize göre, kaydolduğunuz dilimde:",
        day: "Gün", hour: "Başlangıç saati", hourCount: "Saat sayısı", mark: "İşaretle", marked: "İşaretlendi.",
        invalidSpan: "Bu, takviminizde bir zaman değil: gün YYYY-AA-GG, saat 0–23 ve 1–48 saat olmalı.",
        limitReached: "Bu sunucunun bir etkinlik için izin verdiği kadar zaman aralığı işaretlediniz.",
        notSignedUp: "Saatlerinizi işaretlemek için Discord'da /event signup ile bu etkinliğe kaydolun.")
}
