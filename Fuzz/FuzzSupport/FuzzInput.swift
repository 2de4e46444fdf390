import Foundation

/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, in the forms the readers take.
public struct FuzzInput {
    public let bytes: UnsafeRawBufferPointer

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    }

    public var array: [UInt8] { Array(bytes) }
    public var data: Data { Data(bytes) }
    /// UTF-8, invalid sequences replaced, as `String(decoding:)` reads a file.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
