/// Decodes the session-info text of a file or the live map.
enum IBTText {
    /// The bytes up to the first NUL (iRacing pads the YAML with NULs). iRacing writes UTF-8 only
    /// when the YAML says so and Windows-1252 otherwise; bytes that are not valid UTF-8 are read
    /// as Windows-1252, so names with accents survive either way.
    static func decode(_ bytes: some Collection<UInt8>) -> String {
        let content = bytes.prefix { $0 != 0 }
        if let utf8 = String(validating: content, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(content.map(windows1252)))
    }

    /// Windows-1252 differs from Latin-1 only in 0x80...0x9F; its five unassigned codes
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) become spaces, as pyirsdk does.
    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let scalar = highControlRange[Int(byte) - 0x80]
        return Unicode.Scalar(scalar) ?? " "
    }

    private static let highControlRange: [UInt32] = [
        0x20AC, 0x20, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x20, 0x017D, 0x20,
        0x20, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x20, 0x017E, 0x0178,
    ]
}
