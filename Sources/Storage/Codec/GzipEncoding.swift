/// gzip for HTTP responses (`Content-Encoding: gzip`), on the same one-shot zlib call as the
/// lap blobs: the web pages compress their HTML with it (docs/web.md).
public enum GzipEncoding {
    /// Level 6, zlib's default: a lap page (about 400 KB of HTML and SVG) in a few milliseconds.
    public static func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        Zlib.compress(bytes, level: level, gzip: true)
    }
}
