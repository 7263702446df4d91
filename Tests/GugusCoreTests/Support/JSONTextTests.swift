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
        var text = ""
        JSONValue.array(values.map(JSONValue.string)).write(into: &text)
        #expect(!text.contains("<"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        #expect(parsed == values)
    }
}
