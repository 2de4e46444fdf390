/// Every row of one channel, read on its own: what a caller that wants a few channels of a
/// file reads, instead of whole frames or every channel.
public struct IBTColumn: Sendable {
    public let variable: IBTVariable
    /// Row after row, widened to Double as `IBTReader.value(of:row:element:)` reads them; an
    /// array channel's `count` elements follow each other within a row.
    public let values: [Double]

    /// Element `element` of row `row`; the caller keeps both in range (`rowCount`, `variable.count`).
    public subscript(row: Int, element: Int = 0) -> Double {
        values[row * variable.count + element]
    }
}

extension IBTReader {
    /// Every row of `variable`, one of this file's `variables` (checked on open to lie inside
    /// a row); nil for a variable that does not fit this file's rows (one from another file).
    public func column(_ variable: IBTVariable) -> IBTColumn? {
        let count = variable.count, total = rowCount * count
        guard variable.offset >= 0, count >= 1, variable.offset + count * variable.type.size <= Int(header.bufferLength) else {
            return nil
        }
        let values = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            data.withUnsafeBytes { bytes in
                var next = 0
                for row in 0..<rowCount {
                    let reader = IBTRowReader(bytes: bytes, rowStart: rowStart(row))
                    for element in 0..<count {
                        buffer.initializeElement(at: next, to: reader.number(variable, element: element))
                        next += 1
                    }
                }
            }
            initialized = total
        }
        return IBTColumn(variable: variable, values: values)
    }

    /// The columns of the channels named, in that order; a name the file lacks is left out.
    /// Only these channels are read.
    public func columns(named names: [String]) -> [IBTColumn] {
        names.compactMap { variable(named: $0).flatMap(column) }
    }
}
