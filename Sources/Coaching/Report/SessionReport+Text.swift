import Foundation

extension SessionReport {
    /// The report as a few plain lines (the Discord DM, a terminal), in the driver's language.
    public func text(language: CueLanguage) -> String {
        let english = language == .english
        let book = CuePhrasebook(language: language)
        func corner(_ c: CornerTime) -> String { book.cornerLabel(number: c.corner, name: c.name) }
        // Turkish writes the decimal comma (1:20,600, +0,600 sn); the sentences' own full stops stay.
        func number(_ text: String) -> String { english ? text : text.replacingOccurrences(of: ".", with: ",") }
        func clock(_ value: Double) -> String { number(Self.clock(value)) }
        func seconds(_ value: Double) -> String { number(String(format: "%.2f", value)) + (english ? " s" : " sn") }
        guard let bestLap else { return english ? "No valid lap in this session." : "Bu oturumda geçerli tur yok." }
        var lines: [String] = []
        let delta = bestLap.deltaToReference.map { number(String(format: "%+.3f", $0)) }
        lines.append(english
            ? "Best lap \(clock(bestLap.lapTime)) (lap \(bestLap.lapNumber))" + (delta.map { ", \($0) s to the reference" } ?? "") + "."
            : "En iyi tur \(clock(bestLap.lapTime)) (tur \(bestLap.lapNumber))" + (delta.map { ", referansa \($0) sn" } ?? "") + ".")
        if let theoreticalBest {
            lines.append(english
                ? "Theoretical best \(clock(theoreticalBest)) from each corner's best."
                : "Her virajın en iyisiyle teorik en iyi \(clock(theoreticalBest)).")
        }
        if !costliestCorners.isEmpty {
            let list = costliestCorners.map { "\(corner($0)) (\(seconds($0.seconds)))" }.joined(separator: ", ")
            lines.append((english ? "Costing the most: " : "En çok kaybettiren: ") + list + ".")
        }
        if !improved.isEmpty {
            let list = improved.map { "\(corner($0)) (\(seconds($0.seconds)) \(english ? "faster" : "daha hızlı"))" }.joined(separator: ", ")
            lines.append((english ? "Improved: " : "Gelişen: ") + list + ".")
        }
        let judged = advice.topics.filter { $0.judged > 0 }
        if !judged.isEmpty {
            let list = judged.map { tally in
                let name = Self.topicName(tally.topic ?? "", english: english)
                return english ? "\(name) \(tally.worked) of \(tally.judged)" : "\(name) \(tally.judged) tavsiyede \(tally.worked)"
            }.joined(separator: ", ")
            lines.append((english ? "Advice that worked: " : "İşe yarayan tavsiyeler: ") + list + ".")
        }
        return lines.joined(separator: "\n")
    }

    /// "1:23.456", or "59.870" under a minute.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        let minutes = Int(seconds / 60)
        return minutes > 0 ? String(format: "%d:%06.3f", minutes, seconds - Double(minutes) * 60) : String(format: "%.3f", seconds)
    }

    static func topicName(_ topic: String, english: Bool) -> String {
        let names: [String: (String, String)] = [
            "brake_point": ("brake point", "fren noktası"), "brake_pressure": ("brake pressure", "fren basıncı"),
            "minimum_speed": ("apex speed", "apeks hızı"), "throttle_pickup": ("throttle", "gaz"), "gear": ("gear", "vites"),
            "coasting": ("coasting", "boşta gitme"), "brake_release": ("brake release", "fren bırakma"),
            "racing_line": ("line", "çizgi"), "consistency": ("consistency", "tutarlılık"),
        ]
        guard let pair = names[topic] else { return topic }
        return english ? pair.0 : pair.1
    }
}
