import CZlib

/// zlib one-shot `compress2`/`uncompress`. The caller stores the uncompressed length in its own
/// header, so decompression allocates exactly once and a blob that inflates to any other length
/// is rejected as corrupt (this also bounds a decompression bomb).
enum Zlib {
    /// Compressed bytes, or nil when zlib fails (only on allocation failure).
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8]? {
        var outputLength = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(outputLength))
        let status = output.withUnsafeMutableBufferPointer { outputBuffer in
            input.withUnsafeBufferPointer { inputBuffer in
                compress2(outputBuffer.baseAddress, &outputLength, inputBuffer.baseAddress, uLong(inputBuffer.count), level)
            }
        }
        guard status == Z_OK else { return nil }
        output.removeSubrange(Int(outputLength)...)
        return output
    }

    /// Inflates `input`, which must expand to exactly `expectedLength` bytes.
    static func decompress(
        _ input: ArraySlice<UInt8>, expectedLength: Int, context: String
    ) throws(StorageError) -> [UInt8] {
        // zlib wants a non-null output pointer, so never allocate zero bytes.
        var output = [UInt8](repeating: 0, count: max(expectedLength, 1))
        var outputLength = uLong(expectedLength)
        var inputLength = uLong(input.count)
        let status = output.withUnsafeMutableBufferPointer { outputBuffer in
            input.withUnsafeBufferPointer { inputBuffer in
                uncompress2(outputBuffer.baseAddress, &outputLength, inputBuffer.baseAddress, &inputLength)
            }
        }
        guard status == Z_OK else {
            throw .corruptBlob("\(context): zlib inflate failed (status \(status))")
        }
        guard Int(inputLength) == input.count else {
            throw .corruptBlob("\(context): \(input.count - Int(inputLength)) bytes after the end of the zlib stream")
        }
        guard Int(outputLength) == expectedLength else {
            throw .corruptBlob("\(context): inflated to \(outputLength) bytes, header says \(expectedLength)")
        }
        output.removeSubrange(expectedLength...)
        return output
    }
}
