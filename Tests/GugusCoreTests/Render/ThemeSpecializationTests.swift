import Foundation
import Testing
@testable import GugusCore

/// Before rendering, the interface strings and site settings are written into the
/// templates' text (`{{t.key}}`, `{{site.title}}`): each page then needs fewer lookups.
/// The text must be what rendering those tags would have given.
@Suite struct ThemeSpecializationTests {
    /// The first way this was written, with Foundation's string search: the oracle.
    static func writtenWithFoundation(_ values: [String: String], into source: String) -> String {
        let escape = FastHTMLContentType()
        var text = ""
        var rest = source[...]
        while let start = rest.range(of: "{{") {
            let triple = rest[start.upperBound...].first == "{"
            let nameStart = triple ? rest.index(after: start.upperBound) : start.upperBound
            let closing = triple ? "}}}" : "}}"
            guard let end = rest[nameStart...].range(of: closing) else { break }
            let key = String(rest[nameStart..<end.lowerBound])
            text += rest[..<start.lowerBound]
            if let value = values[key] {
                text += triple ? value : escape.escapeText(value)
            } else {
                text += rest[start.lowerBound..<end.upperBound]
            }
            rest = rest[end.upperBound...]
        }
        text += rest
        return text
    }

    static let values = ["t.a": "Berita & <Kegiatan>", "site.title": "Gugus Tugas TPPO Kutai Timur", "lang": "id", "t.kosong": ""]

    @Test func tagsOfKnownNamesAreReplacedAndEscapedLikeTheTagWould() {
        let source = "<title>{{site.title}}</title>{{t.a}}|{{{t.a}}}|{{page.title}}|{{#t.a}}x{{/t.a}}|é {{lang}} ü|{{t.kosong}}."
        #expect(Theme.writing(Self.values, into: source)
            == "<title>Gugus Tugas TPPO Kutai Timur</title>Berita &amp; &lt;Kegiatan&gt;|Berita & <Kegiatan>|{{page.title}}|{{#t.a}}x{{/t.a}}|é id ü|.")
    }

    @Test func textWithOpenOrOddBracesIsKeptAsItIs() {
        for source in ["{{lang", "a {{", "{", "}}{{lang}}", "{{{lang}}", "{{ lang }}", "{{lang}}}", "{{{{lang}}}}", "x{{lang}}{{lang}}y", ""] {
            #expect(Theme.writing(Self.values, into: source) == Self.writtenWithFoundation(Self.values, into: source), "\(source.debugDescription)")
        }
    }

    @Test func everyTemplateOfTheDefaultThemeIsWrittenAsBefore() throws {
        var strings = try #require(Theme.interfaceStrings(try #require(DefaultTheme.files["i18n/id.yaml"]), file: "i18n/id.yaml").get())
        strings = Dictionary(uniqueKeysWithValues: strings.map { ("t." + $0.key, $0.value) })
        let values = strings.merging(Self.values) { _, new in new }
        var count = 0
        for (path, source) in DefaultTheme.files where path.hasSuffix(".mustache") {
            let written = Theme.writing(values, into: source)
            #expect(written == Self.writtenWithFoundation(values, into: source), "\(path)")
            count += written == source ? 0 : 1
        }
        #expect(count > 10, "most templates show interface strings")
    }

    @Test func templatesThatChangeTheirSyntaxAreLeftToTheEngine() {
        let pragma = FastHTMLContentType.pragma
        #expect(!Theme.changesSyntax(pragma + "<p>{{t.a}}</p>"))
        #expect(Theme.changesSyntax(pragma + "{{=<% %>=}}<p><%t.a%></p>"))
        #expect(Theme.changesSyntax(pragma + "{{%CONTENT_TYPE: TEXT}}{{t.a}}"))
    }
}
