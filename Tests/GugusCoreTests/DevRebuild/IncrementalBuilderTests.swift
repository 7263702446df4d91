import Foundation
import Testing
@testable import GugusCore

/// The dev server's rebuilds: only what an edit touches, and the same bytes as a full build.
@Suite struct IncrementalBuilderTests {
    func options(_ site: TestSite, output: String) -> BuildOptions {
        // As the dev server builds: no precompressed copies (it serves the files itself).
        var options = BuildOptions(siteRoot: site.root, output: output, includeDrafts: true, now: CivilDate(iso: "2024-08-01"),
                     keepsURLManifest: false, injectedScript: "<script src=\"/__gugus/live.js\" defer></script>")
        options.precompresses = false
        return options
    }

    @Test func aTextEditRendersOnlyWhatShowsItAndEqualsAFullBuild() throws {
        var files = Dictionary(uniqueKeysWithValues: (1...12).map { news("n\($0)", title: "Berita \($0)", date: "2024-07-\(10 + $0)", extra: "tags: [rakor]\nregion: \"64.08\"\n") })
        files["content/pages/tentang.md"] = "---\ntitle: Tentang\n---\nHalaman tentang.\n"
        let site = try TestSite(files: files)
        var builder = IncrementalBuilder(options: options(site, output: site.output))
        let first = builder.build(changed: [])
        guard case .success(.full) = first else { Issue.record("first build: \(first)"); return }

        let (path, _) = news("n3")
        try site.write(path, "---\ntitle: Berita 3\ndate: 2024-07-13\ntags: [rakor]\nregion: \"64.08\"\n---\nParagraf pertama yang baru tentang Bengalon.\n\nLanjutan.\n")
        guard case let .success(.partial(rendered, written)) = builder.build(changed: [path]) else {
            Issue.record("a text edit should be a partial rebuild")
            return
        }
        #expect(rendered < 15, "only the page, its lists, home and feed: \(rendered)")
        #expect(written >= 5)
        #expect(site.page("berita/n3/index.html").contains("Paragraf pertama yang baru tentang Bengalon."))
        #expect(SearchIndexReader(folder: site.output)?.urls("bengalon") == [], "the search index waits until the page is shown")
        let wrote = builder.finishDeferredWork()
        #expect(wrote)
        #expect(SearchIndexReader(folder: site.output)?.urls("bengalon") == ["/berita/n3/"])

        let reference = site.root + "/reference"
        guard case .success = BuildPipeline.run(options(site, output: reference)) else { Issue.record("full build"); return }
        let incremental = site.snapshot()
        let full = site.snapshot(of: reference)
        #expect(incremental.keys.sorted() == full.keys.sorted())
        for (file, data) in full where incremental[file] != data {
            Issue.record("\(file) differs from a full build")
        }
    }

    /// The incremental output, after its deferred work, equals a full build of the same sources.
    func expectSameAsFullBuild(_ site: TestSite, _ builder: inout IncrementalBuilder, _ step: String) {
        _ = builder.finishDeferredWork()
        let reference = site.root + "/reference-\(UUID().uuidString)"
        guard case .success = BuildPipeline.run(options(site, output: reference)) else { Issue.record("full build"); return }
        let incremental = site.snapshot()
        let full = site.snapshot(of: reference)
        #expect(incremental.keys.sorted() == full.keys.sorted(), "\(step)")
        for (file, data) in full where incremental[file] != data {
            Issue.record("\(step): \(file) differs from a full build")
        }
    }

    @Test func fieldEditsRenderOnlyWhatChangedAndEqualAFullBuild() throws {
        var files = Dictionary(uniqueKeysWithValues: (1...9).map {
            news("n\($0)", title: "Berita \($0)", date: "2024-07-1\($0)", extra: "tags: [rakor\($0 % 2 == 0 ? ", anak" : "")]\nregion: \"64.08\"\n")
        })
        files["content/events/rapat.md"] = "---\ntitle: Rapat\nkind: rakor\nstart: 2024-07-20\nregion: \"64.08\"\ndecree: \"1/2024\"\n---\nAgenda.\n"
        files["content/news/n5.md"] = "---\ntitle: Berita 5\ndate: 2024-07-15\ntags: [rakor]\nevents: [rapat]\n---\nIsi berita.\n"
        for (path, text) in [decree("sk1", "1/2024"), decree("sk2", "2/2024", date: "2024-02-01")] { files[path] = text }
        files["content/pages/tentang.md"] = "---\ntitle: Tentang Kami\n---\nHalaman tentang.\n"
        let site = try TestSite(files: files)
        var builder = IncrementalBuilder(options: options(site, output: site.output))
        let first = builder.build(changed: [])
        guard case .success(.full) = first else { Issue.record("first build: \(first)"); return }

        // A new title shows on the item's page, in its lists and on the pages that link to it.
        try site.write("content/news/n5.md", "---\ntitle: Judul Baru Lima\ndate: 2024-07-15\ntags: [rakor]\nevents: [rapat]\n---\nIsi berita.\n")
        guard case let .success(.partial(rendered, _)) = builder.build(changed: ["content/news/n5.md"]) else {
            Issue.record("a title edit should be a partial rebuild")
            return
        }
        #expect(rendered < 25, "not the whole site: \(rendered)")
        #expect(site.page("berita/n5/index.html").contains("<h1>Judul Baru Lima</h1>"))
        #expect(site.page("kegiatan/rapat/index.html").contains("Judul Baru Lima"))
        expectSameAsFullBuild(site, &builder, "title")

        // A new date moves the item in every list; a removed tag takes it out of one.
        let (path, _) = news("n2")
        try site.write(path, "---\ntitle: Berita 2\ndate: 2024-07-30\ntags: [rakor]\nregion: \"64.08\"\n---\nIsi berita.\n")
        guard case .success(.partial) = builder.build(changed: [path]) else { Issue.record("a date edit should be partial"); return }
        expectSameAsFullBuild(site, &builder, "date and tags")

        // A decree that now revokes another changes that one's status, page and entries.
        let (sk2, _) = decree("sk2", "2/2024")
        try site.write(sk2, decree("sk2", "2/2024", date: "2024-02-01", extra: "revokes: [\"1/2024\"]\n").1)
        guard case .success(.partial) = builder.build(changed: [sk2]) else { Issue.record("a decree edit should be partial"); return }
        #expect(site.page("regulasi/1-2024/index.html").contains("Dicabut"))
        expectSameAsFullBuild(site, &builder, "revocation")

        // An event's new date shows wherever the event is linked (the decree it follows, the
        // news that reports it): their resolved values changed with it, so their pages are
        // rendered again without a list of which field shows where.
        try site.write("content/events/rapat.md", "---\ntitle: Rapat\nkind: rakor\nstart: 2024-07-22\nregion: \"64.08\"\ndecree: \"1/2024\"\n---\nAgenda.\n")
        guard case .success(.partial) = builder.build(changed: ["content/events/rapat.md"]) else { Issue.record("an event date edit should be partial"); return }
        #expect(site.page("regulasi/1-2024/index.html").contains("(2024-07-22)"))
        expectSameAsFullBuild(site, &builder, "event date")

        // An information page's new title shows on the search page, which lists every page.
        try site.write("content/pages/tentang.md", "---\ntitle: Profil Gugus Tugas\n---\nHalaman tentang.\n")
        guard case .success(.partial) = builder.build(changed: ["content/pages/tentang.md"]) else { Issue.record("a page title edit should be partial"); return }
        #expect(site.page("cari/index.html").contains("Profil Gugus Tugas"))
        expectSameAsFullBuild(site, &builder, "page title")

        // An item leaving a region takes a page from that region's list: the full build runs
        // (a partial one would leave the last page behind).
        let (n1, _) = news("n1")
        try site.write(n1, "---\ntitle: Berita 1\ndate: 2024-07-11\ntags: [rakor]\nregion: \"64\"\n---\nIsi berita.\n")
        guard case .success(.full) = builder.build(changed: [n1]) else { Issue.record("a list losing a page needs the full build"); return }
        expectSameAsFullBuild(site, &builder, "region")
    }

    @Test func aChangedFieldRunsTheFullBuild() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a", title: "Lama")]))
        var builder = IncrementalBuilder(options: options(site, output: site.output))
        _ = builder.build(changed: [])
        // A tag no page had yet adds a tag page: the shape of the site changed.
        try site.write("content/news/a.md", "---\ntitle: Baru\ndate: 2024-07-25\ntags: [baru]\n---\nIsi berita.\n")
        guard case .success(.full) = builder.build(changed: ["content/news/a.md"]) else { Issue.record("expected a full build"); return }
        #expect(site.page("berita/index.html").contains("Baru"))
        #expect(site.page("tag/baru/index.html").contains("Baru"))
        // A broken link in the new text is reported by the full build, at its line.
        try site.write("content/news/a.md", "---\ntitle: Baru\ndate: 2024-07-25\n---\n[x](../news/tidak-ada.md)\n")
        guard case let .failure(failure) = builder.build(changed: ["content/news/a.md"]) else { Issue.record("expected errors"); return }
        #expect(failure.diagnostics.contains { $0.description.hasPrefix("content/news/a.md:5:1: error:") })
    }

    @Test func aFieldEditThatBreaksAReferenceIsReportedAtItsLine() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a", title: "Lama"), news("b", title: "Kedua")]))
        var builder = IncrementalBuilder(options: options(site, output: site.output))
        guard case .success(.full) = builder.build(changed: []) else { Issue.record("the first build failed"); return }
        // Only the title and an event that does not exist change: the shape is the same, and
        // the reference is checked beside the resolution of the site.
        try site.write("content/news/a.md", "---\ntitle: Baru\ndate: 2024-07-25\nevents: [tidak-ada]\n---\nIsi berita.\n")
        guard case let .failure(failure) = builder.build(changed: ["content/news/a.md"]) else {
            Issue.record("a broken reference must not build")
            return
        }
        #expect(failure.diagnostics.contains {
            $0.description.hasPrefix("content/news/a.md:4:") && $0.description.contains("no event has the slug \"tidak-ada\"")
        })
        #expect(!site.page("berita/a/index.html").contains("Baru"), "the page keeps its last good version")
        // Mended, the edit shows.
        try site.write("content/news/a.md", "---\ntitle: Baru\ndate: 2024-07-25\n---\nIsi berita.\n")
        guard case .success = builder.build(changed: ["content/news/a.md"]) else { Issue.record("the mended file should build"); return }
        #expect(site.page("berita/a/index.html").contains("<h1>Baru</h1>"))
    }
}
