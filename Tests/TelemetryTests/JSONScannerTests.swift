import Foundation
import Testing
@testable import Telemetry

/// The hand-written scanner must agree with Foundation on what is JSON, because a message it
/// wrongly refuses is a lost batch and one it wrongly accepts is garbage coaching. The one
/// deliberate difference: Foundation tolerates a trailing comma, RFC 8259 (and this) does not.
@Suite struct JSONScannerTests {
    static let snippets = [
        #"{"a":1}"#, #"{"a":[1,2,{"b":null}],"c":"x"}"#, #"{"a":-0.5e+3}"#, #"{"a":"\u00e9\n\"\\"}"#, #"{}"#,
        #"{"a":[]}"#, #" { "a" : true , "b" : false } "#, #"{"a":1E5}"#,
        #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-}"#, #"{"a":.5}"#, #"{"a":"x}"#, #"{"a":"\q"}"#,
        #"{"a" 1}"#, #"{"a":1}}"#, #"{"a":1} x"#, #"{"a":[1,2}"#, #"{a:1}"#, #"{"a":tru}"#, #"{"a":nul}"#,
        #"{"a":[1 2]}"#, "{\"a\":\"tab\there\"}", #"{"a":+1}"#, "{\"a\":1", "",
    ]

    private func scannerAccepts(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            do throws(WireError) {
                try scanner.skipValue()
                scanner.skipWhitespace()
                return scanner.isAtEnd
            } catch {
                return false
            }
        }
    }

    @Test(arguments: snippets)
    func acceptsExactlyWhatFoundationAccepts(text: String) {
        let foundation = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil
        #expect(scannerAccepts(text) == foundation)
    }

    @Test func trailingCommasAreRefusedAsRFC8259Says() {
        #expect(!scannerAccepts(#"{"a":1,}"#))
        #expect(!scannerAccepts(#"{"a":[1,]}"#))
    }

    @Test func deepNestingIsRefusedOrSkippedWithoutRecursion() {
        let deep = "{\"a\":" + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "}"
        #expect(scannerAccepts(deep))
        #expect(!scannerAccepts(String(repeating: "[", count: 50_000)))
    }

    @Test func framesDecodeWithEscapedKeysUnknownKeysAndAnyKeyOrder() throws {
        let text = #"{"frames":[{"sp\u0065ed":3,"extra":{"deep":[1,{"x":null}]},"t":1,"lap":1,"dist":2,"throttle":1,"brake":0,"gear":2}],"seq":18446744073709551615,"type":"frames"}"#
        guard case .frames(let batch) = try ClientMessage.decode(json: Data(text.utf8)) else { Issue.record("not frames"); return }
        #expect(batch.sequence == UInt64.max)
        #expect(batch.frames.first?.speed == 3)
    }

    @Test func sequenceMustBeANonNegativeInteger() {
        for seq in ["-1", "1.5", "\"7\"", "1e3", "18446744073709551616"] {
            let text = #"{"type":"frames","seq":"# + seq + #","frames":[{"t":1,"lap":1,"dist":2,"speed":3,"throttle":1,"brake":0,"gear":2}]}"#
            let error = wireError { () throws(WireError) in _ = try ClientMessage.decode(json: Data(text.utf8)) }
            #expect(error?.code == .malformedJSON, "seq \(seq)")
        }
    }

    @Test func numbersAreCorrectlyRounded() throws {
        let text = #"{"type":"frames","seq":1,"frames":[{"t":4216.38333361042,"lap":1,"dist":0.1,"speed":43.21625900268555,"throttle":1,"brake":0,"gear":2,"lat":37.08612313301144}]}"#
        guard case .frames(let batch) = try ClientMessage.decode(json: Data(text.utf8)), let frame = batch.frames.first else { return }
        #expect(frame.sessionTime == 4216.38333361042)
        #expect(frame.latitude == 37.08612313301144)
        #expect(frame.speed == Float(43.21625900268555))
        #expect(frame.lapDistance == Float(0.1))
    }
}
