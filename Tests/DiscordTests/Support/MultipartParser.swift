import Foundation

/// Splits a `multipart/form-data` body into its named parts, as Discord's server does.
enum MultipartParser {
    struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var body: Data
    }

    static func parse(_ body: Data, contentType: String) -> [Part]? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        let boundary = Data(("--" + contentType[range.upperBound...]).utf8)
        var parts: [Part] = []
        var searchStart = body.startIndex
        var starts: [Data.Index] = []
        while let found = body.range(of: boundary, in: searchStart..<body.endIndex) {
            starts.append(found.upperBound)
            searchStart = found.upperBound
        }
        for (index, start) in starts.enumerated().dropLast() {
            let end = body.range(of: boundary, in: start..<body.endIndex)?.lowerBound ?? body.endIndex
            var chunk = body[start..<end]
            if chunk.starts(with: Data("\r\n".utf8)) { chunk = chunk.dropFirst(2) }
            if chunk.count >= 2, chunk.suffix(2) == Data("\r\n".utf8) { chunk = chunk.dropLast(2) }
            guard let split = chunk.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let headers = String(decoding: chunk[chunk.startIndex..<split.lowerBound], as: UTF8.self)
            let name = value(of: "name", in: headers) ?? "part\(index)"
            let type = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
                .map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) }
            parts.append(Part(name: name, filename: value(of: "filename", in: headers), contentType: type, body: Data(chunk[split.upperBound...])))
        }
        return parts
    }

    private static func value(of key: String, in headers: String) -> String? {
        guard let range = headers.range(of: " \(key)=\"") ?? headers.range(of: ";\(key)=\"") else { return nil }
        let rest = headers[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
