/// AC's fixed text fields: 50 UTF-16LE code units (100 bytes), the text ending at the first `%`
/// or NUL with garbage after it (§2.4, §2.7 of sim-telemetry-udp.md).
enum ACText {
    static let units = 50
    static let bytes = units * 2

    static func read(_ reader: DatagramReader, at offset: Int) -> String {
        var units: [UInt16] = []
        for index in 0..<Self.units {
            let unit = reader.u16(offset + 2 * index)
            if unit == 0 || unit == 0x25 { break }
            units.append(unit)
        }
        // Unpaired surrogates become U+FFFD instead of failing the datagram.
        return String(decoding: units, as: UTF16.self)
    }

    static func write(_ text: String, to writer: inout DatagramWriter, at offset: Int) {
        let units = Array((text + "%").utf16.prefix(Self.units))
        for (index, unit) in units.enumerated() { writer.u16(offset + 2 * index, unit) }
    }
}
