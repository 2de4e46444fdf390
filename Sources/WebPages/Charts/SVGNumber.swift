/// Chart coordinates written with one decimal, without `String(format:)`: a lap page writes
/// thousands of them and must render in a few milliseconds.
enum SVGNumber {
    static func append(_ value: Double, to text: inout String) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { text += "-" }
        let magnitude = abs(tenths)
        text += String(magnitude / 10)
        let digit = magnitude % 10
        if digit != 0 {
            text += "."
            text += String(digit)
        }
    }

    static func string(_ value: Double) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }
}
