import Testing
@testable import GugusCore

/// XML escaping, byte by byte, against the rule it implements scalar by scalar.
@Suite struct XMLTextTests {
    /// The rule: five markup characters as entities; control characters other than tab and
    /// line ends, U+007F–U+009F, U+FFFE and U+FFFF dropped; everything else kept.
    func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test func escapesMarkupAndDropsWhatXMLForbids() {
        #expect(XMLText.escape("SK <264> & \"Tim\" 'Humas'") == "SK &lt;264&gt; &amp; &quot;Tim&quot; &apos;Humas&apos;")
        #expect(XMLText.escape("a\u{0}b\u{1B}c\u{7F}d\u{85}e\u{9F}f\u{FFFE}g\u{FFFF}h") == "abcdefgh")
        #expect(XMLText.escape("baris\r\nkedua\tkolom") == "baris\r\nkedua\tkolom")
    }

    @Test func keepsNeighboursOfTheDroppedSequences() {
        // U+00A0 (C2 A0), U+FFFD (EF BF BD), U+FEFF (EF BB BF) and other letters stay.
        let samples = ["\u{A0}café\u{FFFD}\u{FEFF}", "Sangatta 🇮🇩 <b>", "é\u{85}&\u{FFFF}\u{FFFE}x", "\u{C2}\u{EF}", "plain text"]
        for sample in samples {
            #expect(XMLText.escape(sample) == reference(sample), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
