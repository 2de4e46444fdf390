import Hummingbird
import ServerSettings

/// `limit` and `cursor` of a paged list (docs/api.md). The cursor is opaque to clients: the
/// last item's key, written as `p` + base 36 so nobody mistakes it for an id.
struct PageParameters {
    static func request(from request: Request, settings: ServerSettings.ServerConfiguration.API) throws -> PageRequest {
        var limit = min(settings.pageSize, settings.maxPageSize)
        if let text = request.uri.queryParameters.get("limit") {
            guard let value = Int(text), (1...settings.maxPageSize).contains(value) else {
                throw APIError(.invalidParameter, "limit must be an integer in 1...\(settings.maxPageSize)")
            }
            limit = value
        }
        var after: Int64?
        if let cursor = request.uri.queryParameters.get("cursor") {
            guard let key = decode(cursor) else { throw invalidCursor }
            after = key
        }
        return PageRequest(limit: limit, after: after)
    }

    static let invalidCursor = APIError(.invalidParameter, "cursor is not one this list gave out")

    static func encode(_ key: Int64) -> String { "p" + String(key, radix: 36) }

    static func decode(_ cursor: String) -> Int64? {
        guard cursor.utf8.count <= 16, cursor.hasPrefix("p"), let key = Int64(cursor.dropFirst(), radix: 36), key > 0 else {
            return nil
        }
        return key
    }
}

/// `{"<name>": [...], "next_cursor": "..." | null}`, under the list's own name.
struct PagedBody<Item: Encodable & Sendable>: Encodable {
    let name: String
    let page: PageResult<Item>

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(page.items, forKey: Key(stringValue: name))
        // Written as "nextCursor" so the API's snake_case strategy makes it "next_cursor".
        try container.encode(page.nextKey.map(PageParameters.encode), forKey: Key(stringValue: "nextCursor"))
    }
}
