/// Reads the body of a `frames` message with `JSONScanner` (syntax already checked).
struct FrameBatchJSONParser {
    var scanner: JSONScanner

    /// `framesStart` is the offset of the `frames` value inside the message.
    func batch(sequence: JSONScanner.Number?, framesStart: Int?) throws(WireError) -> FrameBatch {
        guard let sequence, let literal = sequence.integerLiteral, let number = UInt64(literal) else {
            throw WireError(.malformedJSON, "frames message needs \"seq\", a non-negative integer")
        }
        var scanner = self.scanner
        guard let framesStart else { throw WireError(.malformedJSON, "frames message needs \"frames\", an array") }
        scanner.position = framesStart
        guard scanner.peek() == UInt8(ascii: "[") else {
            throw WireError(.malformedJSON, "frames message needs \"frames\", an array")
        }
        let count = try Self.countElements(scanner)
        guard (1...FrameBatch.maximumFrameCount).contains(count) else {
            throw WireError(.badFrameCount, "batch holds \(count) frames; 1 to \(FrameBatch.maximumFrameCount) allowed")
        }
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(count)
        try scanner.consume(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { try scanner.consume(UInt8(ascii: ",")) }
            var reader = FrameJSONObjectReader(scanner: scanner, index: index)
            frames.append(try reader.frame())
            scanner = reader.scanner
        }
        return FrameBatch(sequence: number, frames: frames)
    }

    /// Elements of the array starting at the scanner, counted without decoding them.
    private static func countElements(_ start: JSONScanner) throws(WireError) -> Int {
        var scanner = start
        try scanner.consume(UInt8(ascii: "["))
        if scanner.consumeIf(UInt8(ascii: "]")) { return 0 }
        var count = 0
        repeat {
            try scanner.skipValue()
            count += 1
        } while scanner.consumeIf(UInt8(ascii: ","))
        return count
    }
}

extension JSONScanner {
    typealias Number = (value: Double, integerLiteral: String?)
}
