/// The corners and cues pages' words, one instance per language.
struct AnalysisStrings: Sendable {
    var cornersTitle, cuesTitle, corner, lap, brakePoint, minimumSpeed, throttlePickup, timeLost, trend, perLap: String
    var improving, worsening, steady, tooFewLaps, noCorners, trendChart, trendTable, metres, kmh, seconds: String
    var kind, topic, text, saidAt, deadline, margin, outcome, feedback, anticipatory, teamMessage: String
    var worked, notWorked, pending, notJudged, noCues, early, late, afterCorner, marginNote, outcomeNote: String
    var zoomTo, wholeLap, zoomedTo: String

    static func of(_ language: WebLanguage) -> AnalysisStrings { language == .english ? .english : .turkish }

    static let english = AnalysisStrings(
        cornersTitle: "Corners", cuesTitle: "Cues", corner: "Corner", lap: "Lap", brakePoint: "Brake point (m)",
        minimumSpeed: "Minimum speed (km/h)", throttlePickup: "Throttle pick-up (m)", timeLost: "Time lost (s)",
        trend: "Trend", perLap: "s per lap", improving: "improving", worsening: "getting worse", steady: "steady",
        tooFewLaps: "too few laps for a trend", noCorners: "No corner was measured in this session.",
        trendChart: "Time lost at this corner, lap by lap", trendTable: "Table of the chart", metres: "m", kmh: "km/h", seconds: "s",
        kind: "Kind", topic: "Topic", text: "Said", saidAt: "Said at (m)", deadline: "Deadline (m)", margin: "Before the deadline (m)",
        outcome: "Next laps at that corner", feedback: "after the corner", anticipatory: "on the approach", teamMessage: "team message",
        worked: "improved", notWorked: "did not improve", pending: "not judged yet", notJudged: "–", noCues: "No cue was said in this session.",
        early: "early", late: "late", afterCorner: "after the corner",
        marginNote: "An approach cue must be heard by its deadline: the metres left between where it was said and the deadline.",
        outcomeNote: "Judged on the next two valid laps at that corner: the advised measurement came closer to the reference and the corner got no slower.",
        zoomTo: "Zoom to a corner:", wholeLap: "Whole lap", zoomedTo: "Zoomed to %@, %@–%@ m.")

    static let turkish = AnalysisStrings(
        cornersTitle: "Virajlar", cuesTitle: "İpuçları", corner: "Viraj", lap: "Tur", brakePoint: "Fren noktası (m)",
        minimumSpeed: "En düşük hız (km/sa)", throttlePickup: "Gaza geçiş (m)", timeLost: "Kaybedilen süre (sn)",
        trend: "Eğilim", perLap: "sn / tur", improving: "iyileşiyor", worsening: "kötüleşiyor", steady: "sabit",
        tooFewLaps: "eğilim için tur sayısı az", noCorners: "Bu oturumda hiçbir viraj ölçülmedi.",
        trendChart: "Bu virajda kaybedilen süre, tur tur", trendTable: "Grafiğin tablosu", metres: "m", kmh: "km/sa", seconds: "sn",
        kind: "Tür", topic: "Konu", text: "Söylenen", saidAt: "Söylendiği yer (m)", deadline: "Son nokta (m)",
        margin: "Son noktaya kalan (m)", outcome: "O virajdaki sonraki turlar", feedback: "virajdan sonra",
        anticipatory: "yaklaşırken", teamMessage: "takım mesajı", worked: "iyileşti", notWorked: "iyileşmedi",
        pending: "henüz değerlendirilmedi", notJudged: "–", noCues: "Bu oturumda hiç ipucu söylenmedi.",
        early: "erken", late: "geç", afterCorner: "virajdan sonra",
        marginNote: "Yaklaşma ipucu son noktadan önce duyulmalı: söylendiği yer ile son nokta arasında kalan metre.",
        outcomeNote: "O virajdaki sonraki iki geçerli turda değerlendirilir: önerilen ölçüm referansa yaklaştı ve viraj yavaşlamadı.",
        zoomTo: "Bir virajı yakınlaştır:", wholeLap: "Turun tamamı", zoomedTo: "%@ yakınlaştırıldı, %@–%@ m.")
}
