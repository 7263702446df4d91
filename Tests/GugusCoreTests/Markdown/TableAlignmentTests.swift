import Testing
@testable import GugusCore

/// The Content-Security-Policy forbids inline styles, so table alignment becomes classes.
struct TableAlignmentTests {
    @Test func alignedColumnsGetClassesInsteadOfStyles() {
        let table = "| Wilayah | Kasus | Catatan |\n|:---|---:|:---:|\n| Kutai Timur | 12 | naik |\n| Banjar | 7 | turun |\n"
        let links = LinkContext(file: "content/statistics/x.md", bodyFirstLine: 5, permalinks: [:], media: [], unpublished: [])
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

/// `gugus serve` adds its live-reload script before the last `</body>` of each page.
struct InjectionPointTests {
    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let page = OutputFile(path: "berita/x/index.html", text: "<html><body><p>&lt;/body&gt; dan é</p></body>\n</html>\n")
        guard case let .bytes(data) = page.injecting("<script src=\"/__gugus/live.js\"></script>").content else {
            Issue.record("no bytes")
            return
        }
        #expect(String(decoding: data, as: UTF8.self)
            == "<html><body><p>&lt;/body&gt; dan é</p><script src=\"/__gugus/live.js\"></script>\n</body>\n</html>\n")
        let feed = OutputFile(path: "feed.xml", text: "<feed></body></feed>")
        guard case let .bytes(feedData) = feed.injecting("<script></script>").content else { return }
        #expect(String(decoding: feedData, as: UTF8.self) == "<feed></body></feed>")
        let noBody = OutputFile(path: "a.html", text: "<p>tanpa body</p>")
        guard case let .bytes(noBodyData) = noBody.injecting("<script></script>").content else { return }
        #expect(String(decoding: noBodyData, as: UTF8.self) == "<p>tanpa body</p>")
    }
}
