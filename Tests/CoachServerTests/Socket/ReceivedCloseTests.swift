import NIOCore
import NIOWebSocket
import Testing

@testable import CoachServer

/// RFC 6455 section 7.4: which client close frames are answered with 1000 and which with 1002.
@Suite struct ReceivedCloseTests {
    static func payload(_ code: UInt16?, reason: [UInt8] = []) -> ByteBuffer {
        var buffer = ByteBuffer()
        if let code { buffer.writeInteger(code) }
        buffer.writeBytes(reason)
        return buffer
    }

    @Test(arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999])
    func codesAnEndpointMaySendAreAnsweredWith1000(code: Int) {
        let close = ReceivedClose(payload: Self.payload(UInt16(code)), validatesUTF8: true)
        #expect(close.reply == .normalClosure)
        #expect(close.code == WebSocketErrorCode(codeNumber: code))
    }

    @Test(arguments: [0, 999, 1004, 1005, 1006, 1012, 1015, 2999, 5000, 65535])
    func reservedOrUnknownCodesAreAnsweredWith1002(code: Int) {
        #expect(ReceivedClose(payload: Self.payload(UInt16(code)), validatesUTF8: false).reply == .protocolError)
    }

    @Test func anEmptyCloseIsNormalAndCarriesNoCode() {
        let close = ReceivedClose(payload: ByteBuffer(), validatesUTF8: true)
        #expect(close.reply == .normalClosure && close.code == nil)
    }

    @Test func aOneBytePayloadIsAProtocolError() {
        #expect(ReceivedClose(payload: ByteBuffer(bytes: [0x03]), validatesUTF8: false).reply == .protocolError)
    }

    @Test func aReasonThatIsNotUTF8IsAProtocolErrorOnlyWhenChecked() {
        let bad = Self.payload(1000, reason: [0xC3, 0x28])
        #expect(ReceivedClose(payload: bad, validatesUTF8: true).reply == .protocolError)
        #expect(ReceivedClose(payload: bad, validatesUTF8: false).reply == .normalClosure)
    }
}
