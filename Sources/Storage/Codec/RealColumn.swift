/// A floating-point channel quantised to a fixed step and stored as an `IntegerColumn`.
///
/// Steps are powers of two so that `q × step` is exact in binary floating point: the decoded
/// value is then always within half a step of the original, even after narrowing to `Float`
/// (a decimal step such as 1e-3 m would add up to half a `Float` ulp on top, which at 5 km is
/// another 0.24 mm).
///
/// Layout: `mode: UInt8`, then
/// - mode 0 (quantised): `hasSpecials: UInt8`; when 1, `count` bytes of `SpecialValue` codes
///   (NaN and infinities are stored explicitly, never as a magic number); then the integer
///   column of `round(value / step)` (specials repeat the previous finite value so they cost
///   a zero delta);
/// - mode 1 (raw): the integer column of the `Double` bit patterns, used when a value is too
///   large to quantise (|value / step| > 2^52), so nothing is ever lost or trapped on.
enum RealColumn {
    enum SpecialValue: UInt8 {
        case finite = 0, notANumber = 1, positiveInfinity = 2, negativeInfinity = 3
    }

    private static let quantisedMode: UInt8 = 0
    private static let rawMode: UInt8 = 1
    /// Largest quantised magnitude; beyond 2^52 a `Double` no longer holds every integer.
    private static let largestQuantised = 4_503_599_627_370_496.0

    static func write(_ values: [Double], step: Double, into writer: inout ByteWriter) {
        var quantised = [Int64](repeating: 0, count: values.count)
        var specials: [UInt8]?
        var previous: Int64 = 0
        for (index, value) in values.enumerated() {
            guard value.isFinite else {
                if specials == nil { specials = [UInt8](repeating: SpecialValue.finite.rawValue, count: values.count) }
                specials?[index] = specialCode(of: value).rawValue
                quantised[index] = previous
                continue
            }
            let scaled = (value / step).rounded()
            guard abs(scaled) <= largestQuantised else {
                writeRaw(values, into: &writer)
                return
            }
            previous = Int64(scaled)
            quantised[index] = previous
        }
        writer.append(quantisedMode)
        if let specials {
            writer.append(1)
            writer.append(specials)
        } else {
            writer.append(0)
        }
        IntegerColumn.write(quantised, into: &writer)
    }

    static func read(count: Int, step: Double, from reader: inout ByteReader) throws(StorageError) -> [Double] {
        let mode = try reader.readByte()
        switch mode {
        case quantisedMode:
            let specials = try readSpecials(count: count, from: &reader)
            let quantised = try IntegerColumn.read(count: count, from: &reader)
            var values = quantised.map { Double($0) * step }
            if let specials {
                for (index, code) in specials.enumerated() where code != .finite { values[index] = value(of: code) }
            }
            return values
        case rawMode:
            return try IntegerColumn.read(count: count, from: &reader).map { Double(bitPattern: UInt64(bitPattern: $0)) }
        default:
            throw .corruptBlob("\(reader.context): unknown column mode \(mode) at offset \(reader.offset - 1)")
        }
    }

    private static func writeRaw(_ values: [Double], into writer: inout ByteWriter) {
        writer.append(rawMode)
        IntegerColumn.write(values.map { Int64(bitPattern: $0.bitPattern) }, into: &writer)
    }

    private static func readSpecials(count: Int, from reader: inout ByteReader) throws(StorageError) -> [SpecialValue]? {
        let flag = try reader.readByte()
        switch flag {
        case 0:
            return nil
        case 1:
            var codes: [SpecialValue] = []
            codes.reserveCapacity(count)
            for byte in try reader.readBytes(count) {
                guard let code = SpecialValue(rawValue: byte) else {
                    throw .corruptBlob("\(reader.context): unknown special-value code \(byte)")
                }
                codes.append(code)
            }
            return codes
        default:
            throw .corruptBlob("\(reader.context): invalid specials flag \(flag)")
        }
    }

    private static func specialCode(of value: Double) -> SpecialValue {
        if value.isNaN { return .notANumber }
        return value > 0 ? .positiveInfinity : .negativeInfinity
    }

    private static func value(of code: SpecialValue) -> Double {
        switch code {
        case .finite: 0
        case .notANumber: .nan
        case .positiveInfinity: .infinity
        case .negativeInfinity: -.infinity
        }
    }
}
