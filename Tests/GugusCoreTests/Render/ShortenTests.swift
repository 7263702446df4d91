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
}
