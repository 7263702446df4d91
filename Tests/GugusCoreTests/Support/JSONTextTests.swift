import Foundation
import Testing
@testable import GugusCore

/// JSON written by hand (JSON-LD in pages, open data, the search index) must parse back to
/// the same values, and never close the `<script>` element it sits in.
struct JSONTextTests {
    @Test func stringsRoundTripAndCannotCloseTheScriptElement() throws {
        let values = [
            "SK Bupati Kutim nomor 264/K.503/2023", "", "Perdagangan \"orang\" \\ path", "</script><script>alert(1)</script>",
            "baris\nbaru\ttab\r", "kontrol \u{01}\u{1F}", "pemisah \u{2028} dan \u{2029}", "é ü 日本 🇮🇩", "a‐b – c — d",
        ]
        var bytes: [UInt8] = []
        JSONValue.array(values.map(JSONValue.string)).write(into: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        #expect(parsed == values)
    }

    @Test func escapesAreTheShortOnesAndNumbersAreDecimal() {
        let value = JSONValue.object([
            "teks": .string("a\"b\\c\nd\re\tf<g\u{01}h\u{1F}i\u{2028}j\u{2029}k’l"), "angka": .array([.int(0), .int(7), .int(10), .int(1234567), .int(-42)]),
            "lain": .array([.bool(true), .bool(false), .null, .double(2.5), .double(3)]),
        ])
        #expect(value.scriptText == #"{"angka":[0,7,10,1234567,-42],"lain":[true,false,null,2.5,3],"teks":"a\"b\\c\nd\re\tf\u003cg\u0001h\u001fi\u2028j\u2029k’l"}"#)
    }
}
