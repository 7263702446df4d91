import Foundation
import Testing
@testable import GugusCore

/// The dev server's rebuilds: only what an edit touches, and the same bytes as a full build.
@Suite struct IncrementalBuilderTests {
    func options(_ site: TestSite, output: String) -> BuildOptions {
        BuildOptions(siteRoot: site.root, output: output, includeDrafts: true, now: CivilDate(iso: "2024-08-01"),
                     keepsURLManifest: false, injectedScript: "<script src=\"/__gugus/live.js\" defer></script>")
    }

    @Test func aTextEditRendersOnlyWhatShowsItAndEqualsAFullBuild() throws {
        var files = Dictionary(uniqueKeysWithValues: (1...12).map { news("n\($0)", title: "Berita \($0)", date: "2024-07-\(10 + $0)", extra: "tags: [rakor]\nregion: \"64.08\"\n") })
        files["content/pages/tentang.md"] = "---\ntitle: Tentang\n---\nHalaman tentang.\n"
        let site = try TestSite(files: files)
        var builder = IncrementalBuilder(options: options(site, output: site.output))
        guard case .success(.full) = builder.build(changed: []) else { Issue.record("first build"); return }

        let (path, _) = news("n3")
        try site.write(path, "---\ntitle: Berita 3\ndate: 2024-07-13\ntags: [rakor]\nregion: \"64.08\"\n---\nParagraf pertama yang baru tentang Bengalon.\n\nLanjutan.\n")
        guard case let .success(.partial(rendered, written)) = builder.build(changed: [path]) else {
            Issue.record("a text edit should be a partial rebuild")
            return
        }
        #expect(rendered < 15, "only the page, its lists, home and feed: \(rendered)")
        #expect(written >= 5)
        #expect(site.page("berita/n3/index.html").contains("Paragraf pertama yang baru tentang Bengalon."))
        #expect(!site.page("search-index.json").contains("bengalon"), "the search index waits until the page is shown")
        let wrote = builder.finishDeferredWork()
        #expect(wrote)
        #expect(site.page("search-index.json").contains("bengalon"))

        let reference = site.root + "/reference"
        guard case .success = BuildPipeline.run(options(site, output: reference)) else { Issue.record("full build"); return }
        let incremental = site.snapshot()
        let full = site.snapshot(of: reference)
        #expect(incremental.keys.sorted() == full.keys.sorted())
        for (file, data) in full where incremental[file] != data {
            Issue.record("\(file) differs from a full build")
        }
    }

    @Test func aChangedFieldRunsTheFullBuild() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a", title: "Lama")]))
        var builder = IncrementalBuilder(options: options(site, output: site.output))
        _ = builder.build(changed: [])
        try site.write("content/news/a.md", "---\ntitle: Baru\ndate: 2024-07-25\n---\nIsi berita.\n")
        guard case .success(.full) = builder.build(changed: ["content/news/a.md"]) else { Issue.record("expected a full build"); return }
        #expect(site.page("berita/index.html").contains("Baru"))
        // A broken link in the new text is reported by the full build, at its line.
        try site.write("content/news/a.md", "---\ntitle: Baru\ndate: 2024-07-25\n---\n[x](../news/tidak-ada.md)\n")
        guard case let .failure(failure) = builder.build(changed: ["content/news/a.md"]) else { Issue.record("expected errors"); return }
        #expect(failure.diagnostics.contains { $0.description.hasPrefix("content/news/a.md:5:1: error:") })
    }
}
