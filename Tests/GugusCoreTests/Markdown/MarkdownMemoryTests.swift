import CCmarkGFM
import CGugusMarkdown
import Testing
@testable import GugusCore

/// Two changes to how bodies are read, neither of which may change a byte of what a page
/// shows: the search text and the summaries are collected in C, reading each literal where
/// cmark-gfm keeps it (no copy per text node); and each parse takes its memory from an arena
/// of its own thread, given back at the end.
struct MarkdownMemoryTests {
    private let links = LinkContext(file: "content/news/x.md", bodyFirstLine: 5, permalinks: [:], media: MediaLibrary(), unpublished: [])

    /// Bodies with every kind of node the walks read or skip: headings (moved into custom
    /// blocks), emphasis, code spans and blocks, links, images, tables, lists, footnotes,
    /// hard and soft breaks, entities, HTML (omitted), and a paragraph with no text first.
    private static func bodies() -> [String] {
        let pieces = [
            "## Rakor *Gugus* Tugas\n", "Paragraf dengan **tebal**, _miring_ dan `kode` di tengah.\n",
            "Baris satu  \nbaris dua\nbaris tiga.\n", "```\nkode blok\n  berindentasi\n```\n",
            "- butir [tautan](https://example.id) satu\n- butir ~~dua~~\n", "| A | B |\n|:--|--:|\n| `x` | *y* |\n",
            "![Foto kegiatan](https://example.id/a.jpg)\n", "Catatan kaki[^1].\n\n[^1]: Isinya di sini.\n",
            "&amp; &copy; &#x41; &#xD800; entitas\n", "<div>html</div>\n", "### Anggaran 2024 `Rp`\n",
            "> kutipan *penting*\n", "1. satu\n2. dua\n", "www.kemenpppa.go.id dan sapa@kemenpppa.go.id\n",
            "Ünïcödé — “kutip” · 日本\n", "Heading\n=======\n", "***\n",
        ]
        var generator = RobustnessTests.SeededGenerator(state: 20261203)
        var bodies = ["![hanya gambar](https://example.id/b.jpg)\n\nParagraf kedua yang jadi ringkasan.", "", "# \n\n##\n"]
        for _ in 0..<300 {
            bodies.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined(separator: "\n"))
        }
        // Larger than an arena block (64 KiB), with buffers that grow past it.
        bodies.append(String(repeating: "Kata demi kata dalam satu paragraf panjang. ", count: 4_000))
        bodies.append("```\n" + String(repeating: "baris kode yang panjang sekali\n", count: 5_000) + "```\n")
        return bodies
    }

    @Test func searchTextAndSummariesAreTheLibrarysLiterals() {
        for body in Self.bodies() {
            let rendered = MarkdownRenderer.render(body, links: links)
            let expected = Reference.read(body)
            #expect(rendered.plainText == expected.text, "search text of:\n\(body.prefix(300))")
            #expect(rendered.firstParagraph == expected.firstParagraph, "summary of:\n\(body.prefix(300))")
            #expect(rendered.headings.map(\.text) == expected.headings, "headings of:\n\(body.prefix(300))")
        }
    }

    /// A parse inside another parse's arena (never nested in Gugus, but possible) uses the
    /// library's allocator instead: the page is the same either way.
    @Test func pagesAreTheSameWithAndWithoutTheArena() {
        for body in Self.bodies() {
            let withArena = MarkdownRenderer.render(body, links: links)
            #expect(gugus_markdown_arena_begin() != nil)
            let without = MarkdownRenderer.render(body, links: links)
            gugus_markdown_arena_end()
            #expect(withArena.html == without.html)
            #expect(withArena.plainText == without.plainText)
            #expect(withArena.headings == without.headings)
        }
        let heading = MarkdownRenderer.render("## Temuan lapangan\n\nIsi.", links: links)
        #expect(heading.html.contains("<h2 id=\"temuan-lapangan\">"), "headings are moved into blocks made in the same arena")
    }

    /// The walks as the library's public API gives them (`cmark_node_get_literal`, which copies
    /// each literal), on a tree parsed with the library's own allocator.
    private enum Reference {
        static func read(_ markdown: String) -> (text: String, firstParagraph: String, headings: [String]) {
            cmark_gfm_core_extensions_ensure_registered()
            guard let parser = cmark_parser_new(MarkdownRenderer.options) else { return ("", "", []) }
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
                if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
            }
            var copy = markdown
            copy.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            guard let document = cmark_parser_finish(parser) else { return ("", "", []) }
            defer { cmark_node_free(document) }
            var text = "", firstParagraph = "", headings: [String] = []
            guard let iterator = cmark_iter_new(document) else { return ("", "", []) }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if event == CMARK_EVENT_ENTER {
                    if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                        if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                    } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                        text += " "
                    }
                } else if type != CMARK_NODE_EMPH && type != CMARK_NODE_STRONG && type != CMARK_NODE_LINK {
                    text += " "
                }
                guard event == CMARK_EVENT_ENTER else { continue }
                if type == CMARK_NODE_HEADING {
                    headings.append(plainText(node).trimmingSpaces)
                } else if type == CMARK_NODE_PARAGRAPH && firstParagraph.isEmpty {
                    firstParagraph = plainText(node)
                }
            }
            return (text, firstParagraph, headings)
        }

        static func plainText(_ node: OpaquePointer) -> String {
            var text = ""
            guard let iterator = cmark_iter_new(node) else { return text }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(child)
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                    text += String(cString: literal)
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    text += " "
                }
            }
            return text
        }
    }
}
