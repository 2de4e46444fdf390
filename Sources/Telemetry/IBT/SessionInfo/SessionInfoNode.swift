/// The whole session-info YAML document as a plain, `Sendable` tree.
///
/// Yams' own `Node` is not `Sendable`, and exposing it would make every user of `IBTFile` import
/// Yams; this tree keeps every key and value (as the text iRacing wrote) in document order.
public indirect enum SessionInfoNode: Sendable, Equatable {
    case scalar(String)
    /// Keys in document order (iRacing never repeats a key within one mapping).
    case mapping([(key: String, value: SessionInfoNode)])
    case sequence([SessionInfoNode])

    /// The value under `key` of a mapping; nil for other nodes or a missing key.
    public subscript(key: String) -> SessionInfoNode? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// Element `index` of a sequence; nil for other nodes or an index out of range.
    public subscript(index: Int) -> SessionInfoNode? {
        guard case .sequence(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Follows mapping keys from this node: `document.value(at: "WeekendInfo", "TrackID")`.
    public func value(at path: String...) -> SessionInfoNode? {
        path.reduce(Optional(self)) { node, key in node?[key] }
    }

    /// A scalar's text, trimmed; nil for mappings and sequences.
    public var string: String? {
        guard case .scalar(let text) = self else { return nil }
        return text.trimmingWhitespace()
    }

    /// A scalar's leading integer ("3", "-1"); nil when it has none.
    public var integer: Int? { string.flatMap { Int($0) } }

    /// The items of a sequence; empty for other nodes.
    public var items: [SessionInfoNode] {
        guard case .sequence(let items) = self else { return [] }
        return items
    }

    public static func == (lhs: SessionInfoNode, rhs: SessionInfoNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): a == b
        case (.sequence(let a), .sequence(let b)): a == b
        case (.mapping(let a), .mapping(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}
