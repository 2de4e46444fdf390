/// Cuts a list of lines into pages of at most `maxLines` lines and `maxCharacters` characters
/// (with room for a header and a footer), always in the same way for the same lines, so
/// `/roster page:N` is stable while nothing changes. Characters are counted in UTF-16 units,
/// the most any count of Discord's can come to, so a page never goes over its limit.
enum LeagueRosterPages {
    static func pages(_ lines: [String], maxLines: Int, maxCharacters: Int) -> [[String]] {
        var pages: [[String]] = []
        var current: [String] = []
        var characters = 0
        for line in lines {
            let piece = LeagueFormat.cut(line, maxCharacters)
            if !current.isEmpty, current.count >= maxLines || characters + 1 + piece.utf16.count > maxCharacters {
                pages.append(current)
                current = []
                characters = 0
            }
            current.append(piece)
            characters += piece.utf16.count + 1
        }
        if !current.isEmpty { pages.append(current) }
        return pages
    }
}
