import Foundation
import Testing
@testable import GugusCore

/// The sample site in content/ builds with the theme in templates/, and every URL of the
/// contract is there.
@Suite struct SampleSiteTests {
    @Test func buildsEveryContractURL() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-sample-\(UUID().uuidString)").path
        var options = BuildOptions(siteRoot: repositoryRoot, output: output, now: CivilDate(iso: "2026-11-23"))
        // Checked against the committed published-urls.txt, which a test must not rewrite.
        options.recordsURLs = false
        let manifest = try String(contentsOfFile: repositoryRoot + "/published-urls.txt", encoding: .utf8)
        let result = BuildPipeline.run(options)
        #expect(try String(contentsOfFile: repositoryRoot + "/published-urls.txt", encoding: .utf8) == manifest)
        if case let .failure(failure) = result {
            Issue.record("the sample site does not build:\n\(failure.diagnostics.map(\.description).joined(separator: "\n"))")
            return
        }
        if case let .success(report) = result {
            #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description))")
        }
        let paths = [
            "index.html", "404.html", "berita/index.html", "berita/page/2/index.html",
            "berita/gugus-tugas-tppo-kutim-dibentuk/index.html", "kegiatan/index.html",
            "kegiatan/advokasi-program-kerja-gugus-tugas-kutim-2024/index.html", "regulasi/index.html",
            "regulasi/264-k-503-2023/index.html", "statistik/index.html", "statistik/gugus-tugas-daerah/index.html",
            "statistik/gugus-tugas-daerah.csv", "statistik/gugus-tugas-daerah.json", "apa-itu-tppo/index.html",
            "cara-melapor/index.html", "modus-perekrutan/index.html", "wilayah/64-08/index.html", "wilayah/id/index.html",
            "tag/gugus-tugas/index.html", "media/regulasi/sk-bupati-kutim-264-2023.pdf", "assets/style.css",
            "media/foto/ilustrasi-sosialisasi.jpg",
        ]
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: output + "/" + path), "missing \(path)")
        }
        // The hotline is on every HTML page, and no page with what it loads passes 100 KiB.
        let css = (try? Data(contentsOf: URL(fileURLWithPath: output + "/assets/style.css")).count) ?? 0
        let enumerator = FileManager.default.enumerator(atPath: output)
        var pages = 0
        while let next = enumerator?.nextObject() as? String {
            guard next.hasSuffix(".html") else { continue }
            pages += 1
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + next))
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("href=\"tel:129\""), "no hotline on \(next)")
            // A Content-Security-Policy that allows no inline script, and no inline script.
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"), "no CSP on \(next)")
            let scripts = html.components(separatedBy: "<script").dropFirst()
            #expect(scripts.allSatisfy { $0.hasPrefix(" type=\"application/ld+json\">") || $0.hasPrefix(" src=\"/") }, "inline script on \(next)")
            #expect(!html.contains(" style=\"") && !html.contains("<style"), "inline style on \(next)")
            #expect(html.contains("https://wa.me/628111129129"), "no WhatsApp hotline on \(next)")
            #expect(data.count + css < 100 * 1024, "\(next) weighs \(data.count + css) bytes")
        }
        #expect(pages > 40)
        let decree = try String(contentsOfFile: output + "/regulasi/264-k-503-2023/index.html", encoding: .utf8)
        #expect(decree.contains("<dd>264/K.503/2023</dd>"))
        #expect(decree.contains("<h3>Diubah oleh</h3>"))
        #expect(decree.contains("<h3>Mencabut</h3>"))
        #expect(decree.contains("Unduh PDF ("))
        try? FileManager.default.removeItem(atPath: output)
    }

    @Test func embeddedDefaultThemeMatchesTemplatesFolder() throws {
        let onDisk = Theme.readFolder(repositoryRoot + "/templates").mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(onDisk.keys.sorted() == DefaultTheme.files.keys.sorted())
        for (path, text) in onDisk {
            #expect(DefaultTheme.files[path] == text, "templates/\(path) differs from the built-in copy: run scripts/embed-theme")
        }
    }
}
