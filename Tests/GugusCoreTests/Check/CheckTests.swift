import Foundation
import Testing
@testable import GugusCore

/// `gugus check`: broken anchors, theme links and missing alt text at their exact place.
@Suite struct CheckTests {
    func check(_ site: TestSite) throws -> SiteChecker.Outcome {
        var options = BuildOptions(siteRoot: site.root, now: CivilDate(iso: "2024-08-01"))
        options.writesOutput = false
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
