/// Packs embeds into as few messages as Discord's limits allow: at most 10 embeds and 6000
/// characters per message. An oversized table is split, never rejected.
public enum MessageSplitter {
    /// Groups `embeds` into messages; every embed must already respect the per-embed limits.
    /// `reserve` characters stay free in every message (for a footer added afterwards).
    public static func pack(_ embeds: [Embed], reserve: Int = 0) -> [[Embed]] {
        var messages: [[Embed]] = []
        var current: [Embed] = []
        var characters = 0
        for embed in embeds {
            let size = MessageLimits.characters(embed)
            if !current.isEmpty, current.count == MessageLimits.embedsPerMessage || characters + size + reserve > MessageLimits.embedTotal {
                messages.append(current)
                current = []
                characters = 0
            }
            current.append(embed)
            characters += size
        }
        if !current.isEmpty { messages.append(current) }
        return messages
    }

    /// Splits lines into chunks of at most `limit` characters, breaking between lines; a line
    /// longer than `limit` is cut.
    public static func chunk(lines: [String], limit: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        for line in lines {
            let piece = line.count > limit ? String(line.prefix(limit)) : line
            if current.isEmpty {
                current = piece
            } else if current.count + 1 + piece.count <= limit {
                current += "\n" + piece
            } else {
                chunks.append(current)
                current = piece
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
