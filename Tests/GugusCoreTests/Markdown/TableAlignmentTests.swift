import Testing
@testable import GugusCore

/// The Content-Security-Policy forbids inline styles, so table alignment becomes classes.
struct TableAlignmentTests {
    @Test func alignedColumnsGetClassesInsteadOfStyles() {
        let table = "| Wilayah | Kasus | Catatan |\n|:---|---:|:---:|\n| Kutai Timur | 12 | naik |\n| Banjar | 7 | turun |\n"
        let links = LinkContext(file: "content/statistics/x.md", bodyFirstLine: 5, permalinks: [:], media: MediaLibrary(), unpublished: [])
        let html = MarkdownRenderer.render(table, links: links).html
        #expect(!html.contains("style="))
        #expect(html.components(separatedBy: "<td class=\"align-right\">").count == 3)
        #expect(html.components(separatedBy: "<th class=\"align-left\">").count == 2)
        #expect(html.components(separatedBy: "<td class=\"align-center\">").count == 3)
        #expect(html.contains("<td class=\"align-right\">12</td>"))
    }

    @Test func textWithoutPatternsIsReturnedUnchanged() {
        let text = "Satu · dua – tiga"
        #expect(ByteSearch.replacing(text, [(" style=\"x\"", " class=\"y\"")]) == text)
        #expect(ByteSearch.replacing("a style=\"x\" b style=\"x\"", [(" style=\"x\"", " class=\"y\"")]) == "a class=\"y\" b class=\"y\"")
    }
}
