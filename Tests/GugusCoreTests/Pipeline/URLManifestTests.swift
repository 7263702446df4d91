import Foundation
import Testing
@testable import GugusCore

/// Published addresses never break: a renamed page fails the build until it has an alias
/// or its old address is withdrawn on purpose.
@Suite struct URLManifestTests {
    @Test func readsEveryAddressWithItsLineAndSkipsCommentsBlanksAndCarriageReturns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "# komentar\n\n  /berita/a/\t\n/kegiatan/b/\n\t# lagi\n\u{00A0}/wilayah/kutai-timur/\u{00A0}\n/data/\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + URLManifest.fileName))
        let entries = URLManifest.read(siteRoot: folder) ?? []
        #expect(entries == [
            .init(url: "/berita/a/", line: 3), .init(url: "/kegiatan/b/", line: 4),
            .init(url: "/wilayah/kutai-timur/", line: 6), .init(url: "/data/", line: 7),
        ])
        #expect(URLManifest.isPermanent("/berita/a/") && !URLManifest.isPermanent("/berita/page/2/"))
    }

    @Test func aRenamedNewsFileFailsUntilItsOldAddressIsAnAlias() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("rakor-lama", title: "Rakor Gugus Tugas")]))
        guard site.buildSucceeds() else { return }
        let manifest = try String(contentsOfFile: site.root + "/published-urls.txt", encoding: .utf8)
        #expect(manifest.contains("\n/berita/rakor-lama/\n"))
        #expect(manifest.contains("\n/feed.xml\n") && !manifest.contains("/assets/"))

        // The officer renames the file: the old address would break.
        try site.remove("content/news/rakor-lama.md")
        let (path, text) = news("rakor-baru", title: "Rakor Gugus Tugas")
        try site.write(path, text)
        let errors = site.buildErrors()
        let line = manifest.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "/berita/rakor-lama/" }.map { $0 + 1 } ?? 0
        #expect(errors.contains { $0.hasPrefix("published-urls.txt:\(line):1: error: the address /berita/rakor-lama/ was published before") })
        #expect(errors.joined().contains("aliases: [\"/berita/rakor-lama/\"]"), "the error says how to fix it")
        #expect(site.page("berita/rakor-lama/index.html").contains("Rakor Gugus Tugas"), "the previous site is untouched")

        // With the alias, the old address leads to the new page.
        try site.write(path, "---\ntitle: Rakor Gugus Tugas\ndate: 2024-07-25\naliases: [/berita/rakor-lama/]\n---\nIsi.\n")
        guard site.buildSucceeds() else { return }
        let redirect = site.page("berita/rakor-lama/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/berita/rakor-baru/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://uji.example.id/berita/rakor-baru/\">"))
        #expect(redirect.contains("href=\"/berita/rakor-baru/\""), "a visible link for browsers without refresh")
        let updated = try String(contentsOfFile: site.root + "/published-urls.txt", encoding: .utf8)
        #expect(updated.contains("\n/berita/rakor-baru/\n") && updated.contains("\n/berita/rakor-lama/\n"))
    }

    @Test func aWithdrawnAddressLeavesANotice() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("ditarik"), news("tetap")]))
        guard site.buildSucceeds() else { return }
        try site.remove("content/news/ditarik.md")
        #expect(!site.buildErrors().isEmpty)
        try site.write("content/gone.yaml", "- url: /berita/ditarik/\n  reason: Atas permintaan keluarga korban.\n")
        guard site.buildSucceeds() else { return }
        let notice = site.page("berita/ditarik/index.html")
        #expect(notice.contains("Konten ini telah ditarik") && notice.contains("Atas permintaan keluarga korban."))
        #expect(notice.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!site.page("sitemap.xml").contains("/berita/ditarik/"))

        try site.write("content/gone.yaml", "url: /berita/ditarik/\n")
        #expect(site.buildErrors().contains { $0.hasPrefix("content/gone.yaml:1:1: error: gone.yaml must be a list of withdrawn addresses") })
        try site.write("content/gone.yaml", "- url: /berita/tetap/\n- url: /berita/ditarik/\n")
        #expect(site.buildErrors().contains { $0.hasPrefix("content/gone.yaml:1:8: error: /berita/tetap/ is listed as withdrawn, but a page is published") })
    }

    @Test func previewsWithDraftsDoNotRecordAddresses() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a"), news("draf", extra: "draft: true\n")]))
        guard site.buildSucceeds(drafts: true) else { return }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/published-urls.txt"))
        guard site.buildSucceeds() else { return }
        let manifest = try String(contentsOfFile: site.root + "/published-urls.txt", encoding: .utf8)
        #expect(manifest.contains("/berita/a/") && !manifest.contains("/berita/draf/"))
    }

    @Test func newsDatedAfterTodayWaitsUnlessFuture() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("besok", date: "2024-08-02"), news("hari-ini", date: "2024-08-01")]))
        guard site.buildSucceeds(now: "2024-08-01") else { return }
        #expect(site.exists("berita/hari-ini/index.html") && !site.exists("berita/besok/index.html"))
        #expect(!site.page("feed.xml").contains("/berita/besok/"))
        let future = BuildPipeline.run(BuildOptions(siteRoot: site.root, now: CivilDate(iso: "2024-08-01"), includeFuture: true))
        guard case .success = future else { Issue.record("build with --future failed"); return }
        #expect(site.exists("berita/besok/index.html"))
    }
}
