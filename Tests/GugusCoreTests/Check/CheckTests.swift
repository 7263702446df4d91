import Foundation
import Testing
@testable import GugusCore

/// `gugus check`: broken anchors, theme links and missing alt text at their exact place.
@Suite struct CheckTests {
    func check(_ site: TestSite) throws -> SiteChecker.Outcome {
        var options = BuildOptions(siteRoot: site.root, now: CivilDate(iso: "2024-08-01"))
        options.writesOutput = false
        options.collectsReferences = true
        guard case let .success(report) = BuildPipeline.run(options) else {
            Issue.record("the site should build")
            throw CancellationError()
        }
        #expect(!site.exists("index.html"), "check writes nothing")
        return SiteChecker.check(report, siteRoot: site.root)
    }

    @Test func reportsBrokenAnchorsAndImagesWithoutAltAtTheirPlace() throws {
        let site = try TestSite(files: [
            "content/pages/cara-melapor.md": "---\ntitle: Cara Melapor\n---\n## Lapor ke SAPA 129\n\nHubungi 129.\n",
            "content/news/a.md": """
                ---
                title: Berita
                date: 2024-07-01
                ---
                Baca [cara melapor](../pages/cara-melapor.md#lapor-ke-sapa-129) dan
                [bagian yang tidak ada](../pages/cara-melapor.md#tidak-ada).
                Lompat ke [atas](#tidak-di-sini), atau ke [daftar](/berita/) dan [halaman hilang](/hilang/).

                ![](../media/foto.jpg)
                """,
        ])
        try site.write("content/media/foto.jpg", data: tinyJPEG)
        let outcome = try check(site)
        let lines = outcome.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("content/news/a.md:6:1: error: the link /cara-melapor/#tidak-ada points to #tidak-ada") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/news/a.md:7:11: error: the link #tidak-di-sini points to #tidak-di-sini, but /berita/a/ has no such place") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/news/a.md:7:66: error: the link /hilang/ leads to /hilang/, which this site does not publish") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/news/a.md:9:1: error: the image /media/foto.jpg has no alt text") }, "\(lines)")
        #expect(!lines.contains { $0.contains("the link /cara-melapor/#lapor-ke-sapa-129") }, "a working anchor is fine")
        #expect(lines.count == 4)
    }

    @Test func reportsBrokenLinksInTemplatesAtTheTemplateLine() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a")]))
        try site.write("templates/partials/footer.mustache", "<footer>\n  <a href=\"/tentang-kami/\">Tentang</a> <a href=\"/berita/\">Berita</a>\n</footer>\n")
        let lines = try check(site).diagnostics.map(\.description)
        #expect(lines == lines.filter { $0.hasPrefix("templates/partials/footer.mustache:2:12: error: the link /tentang-kami/ leads to /tentang-kami/") }, "\(lines)")
        #expect(lines.count == 1, "reported once, not once per page")
    }

    /// A theme may quote attributes with `'` or not at all and write them in capitals: the
    /// check reads the pages as a browser does. (Searching the HTML for ` id="` and
    /// ` href="` missed these.)
    @Test func readsEveryWayATemplateWritesIdsAndLinks() throws {
        let site = try TestSite(files: [
            "content/news/a.md": "---\ntitle: Berita\ndate: 2024-07-01\n---\nLihat [bagian tema](#bagian-tema) dan [jangkar](#jangkar-lama).\n",
        ])
        try site.write("templates/partials/footer.mustache", """
            <footer>
              <p ID='bagian-tema'>Tema</p> <a name=jangkar-lama></a>
              <a href=/tidak-ada/>x</a> <A HREF = '/juga-tidak/'>y</A> <a href="/berita/">Berita</a>
              <!-- <a href="/dalam-komentar/">z</a> -->
              <script>var html = '<a href="/dalam-skrip/">';</script>
            </footer>

            """)
        let lines = try check(site).diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("templates/partials/footer.mustache:3:11: error: the link /tidak-ada/ leads to /tidak-ada/") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("templates/partials/footer.mustache:3:40: error: the link /juga-tidak/ leads to /juga-tidak/") }, "\(lines)")
        #expect(lines.count == 2, "the anchors are found, and comments and scripts hold no links: \(lines)")
    }

    @Test func pageReferencesAreReadAsAnHTMLTokenizerReadsThem() {
        let page = PageReferences(html: """
            <!DOCTYPE html><title>a <a href="/bukan/"></title><img SRC=/media/a.jpg srcset="/media/a-480.webp 480w,/media/a-960.webp 960w" alt=''>
            <a href="/x/?a=1&amp;b=2" href="/kedua/" id="&#x41;B">t</a><div data-href="/bukan-link/" id = c></div><style>a[href="/bukan/"]{}</style>
            """)
        #expect(page.links == ["/media/a.jpg", "/media/a-480.webp", "/media/a-960.webp", "/x/?a=1&b=2"])
        #expect(page.ids == ["AB", "c"])
    }

    @Test func externalLinksAreAskedOverHTTPWithATimeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-web-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("ada".utf8).write(to: URL(fileURLWithPath: folder + "/ada.html"))
        let port = HTTPProbe.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder]
        server.standardError = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        let deadline = Date().addingTimeInterval(10)
        while HTTPProbe.get(port: port, "/ada.html").status != 200 && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }

        let base = "http://127.0.0.1:\(port)"
        let here = SourceLocation(file: "content/news/a.md", line: 5, column: 3)
        let elsewhere = SourceLocation(file: "content/news/b.md", line: 7, column: 1)
        let unused = HTTPProbe.freePort()
        let diagnostics = await ExternalLinkChecker.check(
            [base + "/ada.html": [here], base + "/hilang.html": [here, elsewhere], "http://127.0.0.1:\(unused)/": [elsewhere]],
            concurrency: 2, timeout: 3)
        let lines = diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("content/news/a.md:5:3: error: the external link \(base)/hilang.html answers HTTP 404") })
        #expect(lines.contains { $0.hasPrefix("content/news/b.md:7:1: error: the external link \(base)/hilang.html answers HTTP 404") })
        #expect(lines.contains { $0.hasPrefix("content/news/b.md:7:1: error: the external link http://127.0.0.1:\(unused)/ could not be reached") })
        #expect(!lines.contains { $0.contains("/ada.html") })
    }
}
