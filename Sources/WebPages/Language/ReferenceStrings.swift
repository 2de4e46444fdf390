/// The references page's words, one instance per language.
struct ReferenceStrings: Sendable {
    var title, none, car, sim, lapTime, length, corner, name, landmark, apex, brakePoint, mapOf: String
    var uploadHeading, uploadHelp, file, track, configuration, trackLength, submit, imported, refused, nextStart: String

    static func of(_ language: WebLanguage) -> ReferenceStrings { language == .english ? .english : .turkish }

    static let english = ReferenceStrings(
        title: "References", none: "The library holds no reference laps.", car: "Car", sim: "Sim", lapTime: "Lap time",
        length: "Length (m)", corner: "Corner", name: "Name", landmark: "Landmark", apex: "Apex (m)", brakePoint: "Brake point (m)",
        mapOf: "Track map of", uploadHeading: "Import a reference",
        uploadHelp: "An iRacing .ibt or a lap CSV (MoTeC, Garage 61, iRacing); its fastest valid lap becomes a reference. At most this many MB:",
        file: "File", track: "Track (if the file does not say)", configuration: "Configuration", trackLength: "Track length in metres (CSV)",
        submit: "Import", imported: "Imported:", refused: "Not imported:",
        nextStart: "Live coaching uses a new reference from the server's next start.")

    static let turkish = ReferenceStrings(
        title: "Referanslar", none: "Kütüphanede referans tur yok.", car: "Araç", sim: "Simülatör", lapTime: "Tur süresi",
        length: "Uzunluk (m)", corner: "Viraj", name: "Ad", landmark: "İşaret", apex: "Tepe noktası (m)", brakePoint: "Fren noktası (m)",
        mapOf: "Pist haritası:", uploadHeading: "Referans içe aktar",
        uploadHelp: "Bir iRacing .ibt ya da tur CSV dosyası (MoTeC, Garage 61, iRacing); en hızlı geçerli turu referans olur. En çok şu kadar MB:",
        file: "Dosya", track: "Pist (dosya söylemiyorsa)", configuration: "Düzen", trackLength: "Pist uzunluğu, metre (CSV)",
        submit: "İçe aktar", imported: "İçe aktarıldı:", refused: "İçe aktarılmadı:",
        nextStart: "Canlı koçluk yeni referansı sunucunun bir sonraki açılışından itibaren kullanır.")
}
