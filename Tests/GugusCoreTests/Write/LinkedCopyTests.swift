import Foundation
import Testing
@testable import GugusCore

/// The first build after a build into an empty folder makes the site it rewrites of the
/// live site's files, linked instead of copied. The live site must never change through
/// those links, and every build must still leave exactly what a fresh build leaves.
struct LinkedCopyTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-linked-\(UUID().uuidString)").path
    var output: String { parent + "/public" }
    var kept: String { parent + "/.public.gugus-previous" }

    func page(_ text: String) -> Data {
        Data(String(repeating: "<p>\(text): laporkan ke SAPA 129.</p>\n", count: 120).utf8)
    }

    /// The pages with their compressed copies, as a build writes them.
    func site(_ pages: [String: Data]) -> [OutputFile] {
        let files = pages.keys.sorted().compactMap { path in pages[path].map { OutputFile(path: path, data: $0) } }
        return files + Precompression.companions(of: files)
    }

    func build(_ files: [OutputFile], into folder: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard case .success = OutputWriter.write(files, to: folder ?? output, siteRoot: parent + "/site") else {
            Issue.record("the build failed", sourceLocation: sourceLocation)
            return
        }
    }

    /// What a build of these files into an empty folder leaves.
    func fresh(_ files: [OutputFile]) -> [String: Data] {
        let folder = parent + "/fresh-\(UUID().uuidString)"
        build(files, into: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return TestSite.snapshotFiles(of: folder)
    }

    func inode(_ path: String) -> UInt64? {
        var status = stat()
        return lstat(path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    func inodes(_ folder: String) -> [String: UInt64] {
        TestSite.snapshotFiles(of: folder).keys.reduce(into: [:]) { $0[$1] = inode(folder + "/" + $1) }
    }

    @Test func theLiveSiteIsNeverWrittenThroughItsLinks() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let first = site(["index.html": page("Beranda"), "berita/a/index.html": page("A"), "berita/b/index.html": page("B")])
        build(first)
        #expect(!FileManager.default.fileExists(atPath: kept))

        // A page of the live site is changed behind Gugus's back (same size): its record no
        // longer vouches for it, so it is neither linked nor trusted.
        let tampered = Data(repeating: 0x78, count: page("Beranda").count)
        try tampered.write(to: URL(fileURLWithPath: output + "/index.html"))
        let liveBefore = TestSite.snapshotFiles(of: output)
        let inodesBefore = inodes(output)

        // B changes, C is new, A and the home page are the same.
        let second = site(["index.html": page("Beranda"), "berita/a/index.html": page("A"), "berita/b/index.html": page("B, diperbarui"),
                           "berita/c/index.html": page("C")])
        build(second)
        #expect(TestSite.snapshotFiles(of: output) == fresh(second))
        // The replaced site is kept beside the output exactly as it was: the same bytes in the
        // same files (linking gave them a second name; no build wrote through it).
        #expect(TestSite.snapshotFiles(of: kept) == liveBefore)
        #expect(inodes(kept) == inodesBefore)
        // The unchanged files are shared; the changed, new and tampered ones are not.
        for path in ["berita/a/index.html", "berita/a/index.html.gz", "berita/a/index.html.br"] {
            #expect(inode(output + "/" + path) == inode(kept + "/" + path), "\(path) was not linked")
        }
        for path in ["index.html", "berita/b/index.html", "berita/b/index.html.gz"] {
            #expect(inode(output + "/" + path) != inode(kept + "/" + path), "\(path) is still shared")
        }

        // The next build rewrites the kept site, which shares A with the live one: A changes.
        let liveSecond = TestSite.snapshotFiles(of: output)
        let third = site(["index.html": page("Beranda"), "berita/a/index.html": page("A, diperbarui"), "berita/b/index.html": page("B, diperbarui"),
                          "berita/c/index.html": page("C")])
        build(third)
        #expect(TestSite.snapshotFiles(of: output) == fresh(third))
        #expect(TestSite.snapshotFiles(of: kept) == liveSecond, "writing the kept site changed the live one")

        // And back and forth, each build equal to a fresh one, each replaced site whole.
        for round in 0..<3 {
            let before = TestSite.snapshotFiles(of: output)
            let next = round.isMultiple(of: 2) ? second : third
            build(next)
            #expect(TestSite.snapshotFiles(of: output) == fresh(next))
            #expect(TestSite.snapshotFiles(of: kept) == before)
        }
    }

    /// Once the replaced site's record takes the stamps of the files it shares, the build
    /// after rewrites only what changed: the unchanged files stay shared.
    @Test func sharedFilesStaySharedWhileTheyDoNotChange() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let pages = site(["index.html": page("Beranda"), "berita/a/index.html": page("A")])
        build(pages)
        build(pages)
        let path = "/berita/a/index.html.br"
        #expect(inode(output + path) != nil)
        #expect(inode(output + path) == inode(kept + path))
        build(pages)
        build(pages)
        #expect(inode(output + path) == inode(kept + path), "an unchanged file was written again")
        #expect(TestSite.snapshotFiles(of: output) == fresh(pages))
    }
}
