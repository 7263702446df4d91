import Testing
@testable import GugusCore

/// Summaries cut at a word boundary, counted in characters: the byte-wise path for plain
/// ASCII text gives what the character-wise one gives.
@Suite struct ShortenTests {
    @Test func cutsAtTheLastSpaceWithinTheLimit() {
        #expect(ContextBuilder.shorten("Rapat koordinasi gugus tugas", to: 12) == "Rapat…")
        #expect(ContextBuilder.shorten("Rapat koordinasi", to: 16) == "Rapat koordinasi")
        #expect(ContextBuilder.shorten("Rapatkoordinasi gugus", to: 10) == "Rapatkoord…")
    }

    @Test func countsCharactersNotBytes() {
        // 14 characters, 16 bytes: not cut at 14.
        #expect(ContextBuilder.shorten("Sosialisasi café", to: 16) == "Sosialisasi café")
        #expect(ContextBuilder.shorten("Kafé kafé kafé kafé", to: 10) == "Kafé kafé…")
        // A combining accent right after the limit belongs to the last character kept.
        #expect(ContextBuilder.shorten("abc de\u{301}f", to: 5) == "abc…")
        #expect(ContextBuilder.shorten("line one\r\nline two", to: 10) == "line…")
    }

    @Test func bytewiseAndCharacterwiseAgreeOnASCII() {
        let words = ["gugus", "tugas", "TPPO", "rakor", "di", "Kutai", "Timur", "2024,", "(SK)"]
        var text = ""
        for index in 0..<200 {
            text += (index == 0 ? "" : " ") + words[index * 7 % words.count]
            for limit in [1, 5, 20, 60] where text.count > limit {
                let cut = text.prefix(limit)
                let expected = String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
                #expect(ContextBuilder.shorten(text, to: limit) == expected)
            }
        }
    }

    @Test func scalarwiseAndCharacterwiseAgreeOnMixedText() {
        // Pieces that are characters of their own (Latin, quotes, dashes, the ellipsis) and
        // pieces that join or extend (combining marks, CR LF, emoji with modifiers and
        // joiners, flags, Hangul jamo): every text and limit gives what counting characters gives.
        let pieces = ["a", "Z", " ", " ", "é", "ß", "“", "”", "—", "…", "‘", "‼", "-", "\n", "e\u{301}", "\r\n", "\r",
                      "👍🏽", "👩\u{200D}💻", "\u{200D}", "🇮🇩", "\u{1100}\u{1161}", "\u{FE0F}", "\u{2028}", "\u{0300}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...40, using: &generator)
            // Half the texts from the pieces that stand alone only, half from all of them.
            let alphabet = Bool.random(using: &generator) ? Array(pieces.prefix(14)) : pieces
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }.joined()
            for limit in [1, 3, 8, 20] {
                #expect(ContextBuilder.shorten(text, to: limit) == ContextBuilder.shortenByCharacters(text, to: limit),
                        "\(text.debugDescription) to \(limit)")
            }
        }
        #expect(ContextBuilder.shortenByScalars("“Rapat” koordinasi — gugus", to: 8) == "“Rapat”…")
        #expect(ContextBuilder.shortenByScalars("abe\u{301}cdef", to: 3) == nil)
    }
}
