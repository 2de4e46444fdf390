import GRDB

/// One keyset page of a query: the rows after the row whose key is `after`, at most `limit`
/// (plus one to tell whether more follow). `SessionRepository` and `LapRepository` page this way.
struct KeysetPage {
    /// `SELECT ... WHERE <scope>`, ready for `AND <after>` and the ordering.
    let select: String
    let scope: StatementArguments
    /// Whether `after` is a key of this list (`?` = the key, then `scope`'s arguments).
    let keyBelongs: String
    /// The rows after the key's row in sort order (`?` = the key).
    let afterKey: String
    let order: String

    func fetch(_ db: Database, limit: Int, after: Int64?) throws -> [Row] {
        guard limit > 0 else { throw StorageError.invalidInput("page size must be positive") }
        var sql = select
        var arguments = scope
        if let after {
            var check: StatementArguments = [after]
            check += scope
            guard try Bool.fetchOne(db, sql: keyBelongs, arguments: check) != nil else {
                throw StorageError.invalidInput("unknown page cursor")
            }
            sql += " AND \(afterKey)"
            arguments += [after]
        }
        arguments += [limit + 1]
        return try Row.fetchAll(db, sql: sql + " ORDER BY \(order) LIMIT ?", arguments: arguments)
    }
}
