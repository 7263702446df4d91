import Testing
import Yams
@testable import GugusCore

/// The field reader as a front matter's author meets it: fields found by name, a field
/// written twice reported at its second line, unread fields warned about, addresses
/// refused when they hold a break.
@Suite struct FieldReaderTests {
    private func reader(_ yaml: String) throws -> FieldReader {
        let node = try #require(try Yams.compose(yaml: yaml))
        return FieldReader(node: node, file: "content/news/x.md", firstLine: 2)
    }

    @Test func fieldsAreFoundByNameAndEmptyOnesCountAsAbsent() throws {
        var fields = try reader("title: Rakor\nsummary:\nregion: ~\nauthor: Tim\n")
        #expect(fields.string("title")?.value == "Rakor")
        #expect(fields.string("author")?.value == "Tim")
        #expect(fields.string("summary") == nil)
        #expect(fields.string("region") == nil)
        #expect(fields.string("missing") == nil)
        #expect(fields.has("title") && !fields.has("summary"))
    }

    @Test func aFieldWrittenTwiceIsReportedAtItsSecondLineAndTheFirstIsKept() throws {
        // (Yams refuses duplicate keys itself: the mapping is put together from two texts.)
        let first = try #require(try Yams.compose(yaml: "title: Pertama\n")?.mapping)
        let second = try #require(try Yams.compose(yaml: "\n\ntitle: Kedua\n")?.mapping)
        let node = Node.mapping(Node.Mapping(Array(first.map { ($0.key, $0.value) }) + second.map { ($0.key, $0.value) }))
        var fields = FieldReader(node: node, file: "content/news/x.md", firstLine: 2)
        #expect(fields.string("title")?.value == "Pertama")
        let twice = try #require(fields.diagnostics.first)
        #expect(twice.message.contains("`title` is written twice"))
        #expect(twice.line == 4)
    }

    @Test func onlyFieldsNobodyReadAreReportedAsUnknown() throws {
        var fields = try reader("title: Rakor\ntitel: Salah ketik\nauthor: Tim\n")
        _ = fields.string("title")
        _ = fields.string("author")
        fields.reportUnknownKeys(known: ["title", "author", "summary"])
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message == "unknown field `titel` is ignored")
        #expect(fields.diagnostics.first?.hint == "did you mean `title`?")
    }

    @Test func anAddressBreakIsFoundAsCharactersWouldFindIt() {
        let isBreak: (Character) -> Bool = { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
        var texts = (0..<128).map { "https://a.id/\(Character(Unicode.Scalar(UInt8($0))))x" }
        texts += ["https://a.id/\r\nx", "https://a.id/\u{A0}x", "https://a.id/\u{2003}x", "https://a.id/ä", "https://a.id/"]
        for text in texts {
            #expect(FieldReader.hasAddressBreak(text) == text.contains(where: isBreak), "\(text.debugDescription)")
        }
        #expect(FieldReader.hasAddressBreak("https://a.id/ x"))
        #expect(!FieldReader.hasAddressBreak("https://a.id/x"))
    }
}
