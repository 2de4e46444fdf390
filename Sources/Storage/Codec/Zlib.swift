import CZlib

/// zlib one-shot deflate/`uncompress`. The caller stores the uncompressed length in its own
/// header, so decompression allocates exactly once and a blob that inflates to any other length
/// is rejected as corrupt (this also bounds a decompression bomb).
enum Zlib {
    /// `leadingSpace` zero bytes then the compressed bytes, or nil when zlib fails (only on
    /// allocation failure). One deflate call into one buffer of `compressBound` size, and the
    /// caller's header goes into the leading space, so the output is never copied.
    ///
    /// The strategy is `Z_RLE`: after delta coding and byte-shuffling, a lap's bytes are mostly
    /// runs of the same small values, which run-length matching finds without searching the
    /// window. Measured on a 5,000-frame lap: encode p50 2.5 ms instead of 3.2 ms with the default
    /// strategy, for a blob 4.6 % larger (80.6 KB instead of 77.1 KB). The output is an ordinary
    /// zlib stream, so `decompress` (and every blob written before) is unaffected.
    /// `gzip: true` writes a gzip member instead (header and CRC-32 by zlib, `windowBits` + 16),
    /// with the default strategy: what HTTP's `Content-Encoding: gzip` wants (`GzipEncoding`).
    static func compress(_ input: [UInt8], level: Int32, leadingSpace: Int = 0, gzip: Bool = false) -> [UInt8]? {
        // The gzip header and trailer add 18 bytes to what `compressBound` allows for zlib's 6.
        var outputLength = compressBound(uLong(input.count)) + (gzip ? 12 : 0)
        var output = [UInt8](repeating: 0, count: leadingSpace + Int(outputLength))
        let status = output.withUnsafeMutableBufferPointer { outputBuffer in
            input.withUnsafeBufferPointer { inputBuffer -> Int32 in
                var stream = z_stream()
                let initialised = deflateInit2_(
                    &stream, level, Z_DEFLATED, MAX_WBITS + (gzip ? 16 : 0), 8, gzip ? Z_DEFAULT_STRATEGY : Z_RLE, ZLIB_VERSION,
                    Int32(MemoryLayout<z_stream>.size))
                guard initialised == Z_OK else { return initialised }
                defer { deflateEnd(&stream) }
                stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress.map { $0 + leadingSpace }
                stream.avail_out = uInt(outputLength)
                // The output buffer holds `compressBound` bytes, so one call always finishes.
                let result = deflate(&stream, Z_FINISH)
                outputLength = stream.total_out
                return result == Z_STREAM_END ? Z_OK : result
            }
        }
        guard status == Z_OK else { return nil }
        output.removeSubrange((leadingSpace + Int(outputLength))...)
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
