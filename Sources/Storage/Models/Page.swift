/// One page of a keyset-paged list: the items and the key to pass as `after` for the next page
/// (nil on the last page). Keys are row ids, stable while rows are added: a page never repeats
/// or skips a row because another one was inserted meanwhile.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextKey: Int64?

    public init(items: [Item], nextKey: Int64?) {
        self.items = items
        self.nextKey = nextKey
    }

    /// From `limit + 1` fetched rows: the extra row only tells that there is a next page.
    init(fetched: [(key: Int64, item: Item)], limit: Int) {
        let kept = fetched.prefix(limit)
        items = kept.map(\.item)
        nextKey = fetched.count > limit ? kept.last?.key : nil
    }
}
