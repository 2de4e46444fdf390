import GRDB

/// Which of a set of row ids a table still holds under a condition (tokens still valid, browser
/// sessions still signed in), asked with bounded `IN (...)` lists: a running server checks every
/// id its sockets hold, and SQLite limits how many variables one statement may bind.
enum IDSubsetQuery {
    /// Most ids bound in one `IN (...)` list, well below SQLite's variable limit.
    static let idsPerQuery = 500

    /// The ids of `ids` whose row in `table` matches `condition` (SQL after `AND`, with
    /// `arguments` for its placeholders), in chunks of `idsPerQuery`.
    static func matching(
        _ ids: Set<Int64>, table: String, condition: String, arguments: StatementArguments, in db: Database
    ) throws -> Set<Int64> {
        let sorted = ids.sorted()
        var found: Set<Int64> = []
        for start in stride(from: 0, to: sorted.count, by: idsPerQuery) {
            let chunk = Array(sorted[start..<min(start + idsPerQuery, sorted.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            var bound = StatementArguments(chunk)
            bound += arguments
            found.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id IN (\(marks)) AND \(condition)", arguments: bound))
        }
        return found
    }
}
