import Foundation
import Testing
@testable import GugusCore

/// `gugus serve` and photos: a photo copied into content/media/ goes through the image
/// pipeline on its own, without a full rebuild, and a page that then uses it shows it.
@Suite struct MediaRebuildTests {
    func options(_ site: TestSite) -> BuildOptions {
        // As the dev server builds: no precompressed copies (it serves the files itself).
        var options = BuildOptions(siteRoot: site.root, output: site.output, includeDrafts: true, now: CivilDate(iso: "2024-08-01"),
                     keepsURLManifest: false, injectedScript: "<script src=\"/__gugus/live.js\" defer></script>")
        options.precompresses = false
        return options
    }

    @Test func aNewPhotoIsPublishedWithoutAFullRebuildAndAPageCanUseItAtOnce() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("n1"), news("n2", date: "2024-07-20")]))
        var builder = IncrementalBuilder(options: options(site))
        guard case .success(.full) = builder.build(changed: []) else { Issue.record("first build"); return }

        try site.write("content/media/foto/baru.jpg", data: tinyJPEG)
        guard case let .success(.partial(rendered, written)) = builder.build(changed: ["content/media/foto/baru.jpg"]) else {
            Issue.record("a new photo should not need a full rebuild")
            return
        }
        #expect(rendered == 0, "no page shows the new photo yet")
        // The stripped copy at its own address, and a WebP and a JPEG 16 px wide (its width).
        #expect(written == 3)
        #expect(site.exists("media/foto/baru.jpg"))
        let derivatives = try FileManager.default.contentsOfDirectory(atPath: site.output + "/media/foto").filter { $0.hasPrefix("baru-16w.") }
        #expect(Set(derivatives.map { ($0 as NSString).pathExtension }) == ["webp", "jpg"])

        let (path, _) = news("n1")
        try site.write(path, "---\ntitle: Judul\ndate: 2024-07-25\n---\nIsi berita.\n\n![Foto baru dari rapat](../media/foto/baru.jpg)\n")
        guard case .success(.partial) = builder.build(changed: [path]) else {
            Issue.record("a text edit that uses the new photo should be a partial rebuild")
            return
        }
        let page = site.page("berita/n1/index.html")
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"/media/foto/baru-16w."), "\(page)")
        #expect(page.contains("width=\"16\" height=\"12\" alt=\"Foto baru dari rapat\""))
        expectSameAsFullBuild(site, &builder)
    }

    @Test func replacingAPhotoThatAPageUsesRebuildsThePage() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("n1", extra: "image: media/foto/x.jpg\nimage_alt: Foto rapat\n"),
        ]))
        try site.write("content/media/foto/x.jpg", data: tinyJPEG)
        var builder = IncrementalBuilder(options: options(site))
        guard case .success(.full) = builder.build(changed: []) else { Issue.record("first build"); return }
        let before = site.page("berita/n1/index.html")

        // Another photo under the same name: its derivatives get other addresses.
        var other = tinyJPEG
        other.append(0)  // the same picture with a byte more after its end: other bytes, another digest
        try site.write("content/media/foto/x.jpg", data: other)
        guard case .success(.full) = builder.build(changed: ["content/media/foto/x.jpg"]) else {
            Issue.record("a photo that a page uses changes that page: a full build")
            return
        }
        let after = site.page("berita/n1/index.html")
        #expect(before != after)
        #expect(after.contains("/media/foto/x-16w."))
        expectSameAsFullBuild(site, &builder)
    }

    @Test func anItemThatGetsAnImageGetsItsPictureForLinkPreviews() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("n1")]))
        // Wide enough for its own 1200 px picture, which no page asked for before the edit.
        try site.photo("foto/x.jpg", width: 1800, height: 1200)
        var builder = IncrementalBuilder(options: options(site))
        guard case .success(.full) = builder.build(changed: []) else { Issue.record("first build"); return }
        let (path, _) = news("n1")
        try site.write(path, "---\ntitle: Judul\ndate: 2024-07-25\nimage: media/foto/x.jpg\nimage_alt: Foto rapat\n---\nIsi berita.\n")
        guard case .success = builder.build(changed: [path]) else { Issue.record("the edit should build"); return }
        let page = site.page("berita/n1/index.html")
        let preview = try #require(page.firstMatch(of: #/<meta property="og:image" content="https?://[^/]+(/media/[^"]+)">/#))
        #expect(site.exists(String(preview.output.1.dropFirst())), "the link preview's picture \(preview.output.1) is published")
        expectSameAsFullBuild(site, &builder)
    }

    func expectSameAsFullBuild(_ site: TestSite, _ builder: inout IncrementalBuilder, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        _ = builder.finishDeferredWork()
        let reference = site.root + "/reference-\(UUID().uuidString)"
        var options = options(site)
        options.output = reference
        guard case .success = BuildPipeline.run(options) else { Issue.record("full build", sourceLocation: sourceLocation); return }
        let incremental = site.snapshot()
        let full = site.snapshot(of: reference)
        #expect(incremental.keys.sorted() == full.keys.sorted(), sourceLocation: sourceLocation)
        for (file, data) in full where incremental[file] != data {
            Issue.record("\(file) differs from a full build", sourceLocation: sourceLocation)
        }
    }
}
