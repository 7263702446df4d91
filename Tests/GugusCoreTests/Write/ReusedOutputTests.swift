import Foundation
import Testing
@testable import GugusCore

/// Each build rewrites the site replaced by the one before it (kept beside the output) in
/// place of creating every folder and file anew. The result must be exactly a fresh build.
struct ReusedOutputTests {
    /// Every file with its bytes, and every folder, under a folder.
    func tree(_ folder: String) -> (files: [String: Data], folders: Set<String>) {
        var folders: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + next, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.insert(next)
            }
        }
        return (TestSite.snapshotFiles(of: folder), folders)
    }

    func expectSameAsFreshBuild(_ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fresh = site.root + "/fresh-\(UUID().uuidString)"
        guard case .success = site.build(output: fresh) else {
            Issue.record("the fresh build failed", sourceLocation: sourceLocation)
            return
        }
        let built = tree(site.output)
        let expected = tree(fresh)
        #expect(built.files.keys.sorted() == expected.files.keys.sorted(), sourceLocation: sourceLocation)
        #expect(built.files == expected.files, sourceLocation: sourceLocation)
        #expect(built.folders == expected.folders, sourceLocation: sourceLocation)
        try FileManager.default.removeItem(atPath: fresh)
    }

    @Test func rebuildsEqualAFreshBuildAndNeverWriteThroughLinks() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("satu", title: "Satu"), news("dua", title: "Dua"), news("tiga", title: "Tiga"),
        ]))
        let kept = site.root + "/.public.gugus-previous"
        #expect(site.buildSucceeds())
        #expect(!FileManager.default.fileExists(atPath: kept), "nothing was replaced yet")

        try site.remove("content/news/dua.md")
        try site.write("content/gone.yaml", "- url: /berita/dua/\n")
        try site.write(news("empat", title: "Empat").0, news("empat", title: "Empat").1)
        #expect(site.buildSucceeds())
        #expect(OutputWriter.isWrittenByGugus(kept), "the replaced site is kept for the next build")
        try expectSameAsFreshBuild(site)

        // Someone leaves a file in the output, and a link in the kept site that leads outside.
        try Data("catatan".utf8).write(to: URL(fileURLWithPath: site.output + "/catatan.txt"))
        let outside = site.root + "/di-luar.txt"
        try Data("jangan ditimpa".utf8).write(to: URL(fileURLWithPath: outside))
        let linked = kept + "/berita/satu/index.html"
        try FileManager.default.removeItem(atPath: linked)
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: outside)

        try site.remove("content/news/tiga.md")
        try site.write("content/gone.yaml", "- url: /berita/dua/\n- url: /berita/tiga/\n")
        #expect(site.buildSucceeds())
        try expectSameAsFreshBuild(site)
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "jangan ditimpa")

        // The next build rewrites the folder that held the stray file: it is gone. A page of
        // that folder changed behind Gugus's back (same size) is written again too.
        let changed = kept + "/berita/empat/index.html"
        let size = try Data(contentsOf: URL(fileURLWithPath: changed)).count
        try Data(repeating: 0x78, count: size).write(to: URL(fileURLWithPath: changed))
        try site.write(news("lima", title: "Lima").0, news("lima", title: "Lima").1)
        #expect(site.buildSucceeds())
        try expectSameAsFreshBuild(site)
        #expect(!site.exists("catatan.txt"))
    }
}

/// Folders whose recorded stamp still holds are neither created nor listed again: their
/// leftovers come from the record, and any change behind Gugus's back moves the stamp.
struct UntouchedFolderTests {
    /// The record of `folder` written by `writeAll`, with the stamps its folders have now
    /// (as a build records them once they are a few seconds old).
    func stamped(_ record: WrittenRecord, _ folder: String, _ folders: [String]) -> WrittenRecord {
        var record = record
        for relative in folders { record.folders[relative] = FolderStamp(of: relative.isEmpty ? folder : folder + "/" + relative) }
        return record
    }

    @Test func aPathThatTurnsFromFolderToFileOrBackIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-turn-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = Data("<p>halaman</p>".utf8)
        // `a/b` is a folder, then a file (its folder's parent `a` untouched), then a folder again.
        let first = try OutputWriter.writeAll([OutputFile(path: "a/b/index.html", data: page), OutputFile(path: "c/d/e.html", data: page)], into: folder)
        let second = try OutputWriter.writeAll(
            [OutputFile(path: "a/b", data: page), OutputFile(path: "c", data: page)], into: folder, reusing: true,
            known: stamped(first, folder, ["", "a", "a/b", "c", "c/d"]))
        #expect(FileManager.default.contents(atPath: folder + "/a/b") == page)
        #expect(FileManager.default.contents(atPath: folder + "/c") == page)
        _ = try OutputWriter.writeAll(
            [OutputFile(path: "a/b/index.html", data: page), OutputFile(path: "c/d/e.html", data: page)], into: folder, reusing: true,
            known: stamped(second, folder, ["", "a"]))
        #expect(FileManager.default.contents(atPath: folder + "/a/b/index.html") == page)
        #expect(FileManager.default.contents(atPath: folder + "/c/d/e.html") == page)
    }

    @Test func leftoversOfUntouchedFoldersGoAndStrayFilesAreStillFound() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("satu", title: "Satu"), news("dua", title: "Dua"), news("tiga", title: "Tiga"),
        ]))
        let kept = site.root + "/.public.gugus-previous"
        #expect(site.buildSucceeds())
        #expect(site.buildSucceeds())
        // Stamps of folders changed in the last two seconds are not recorded: once both
        // sites are older, the next two builds record the stamps of each, which hold.
        Thread.sleep(forTimeInterval: 2.5)
        #expect(site.buildSucceeds())
        #expect(site.buildSucceeds())
        let record = WrittenFiles.read(WrittenFiles.path(parent: site.root, name: "public", previous: true))
        #expect(record.folders["berita"] != nil && record.folders["berita/satu"] != nil, "the kept site's folders have stamps")
        #expect(record.folders[""] == nil, "but not the site's own folder, renamed by every build")
        #expect(FolderStamp(of: kept + "/berita") == record.folders["berita"], "and they still hold")
        #expect(FileManager.default.fileExists(atPath: kept + "/berita/page/2/index.html"))

        // A page is withdrawn: the second list page (two per page) is a leftover of the
        // untouched `berita`. A stray file appears in another folder of the kept site.
        try site.remove("content/news/dua.md")
        try site.write("content/gone.yaml", "- url: /berita/dua/\n")
        try Data("catatan".utf8).write(to: URL(fileURLWithPath: kept + "/berita/satu/catatan.txt"))
        #expect(site.buildSucceeds())
        try ReusedOutputTests().expectSameAsFreshBuild(site)
        #expect(!site.exists("berita/page/2/index.html") && !site.exists("berita/satu/catatan.txt"))
        // And back: the folder that was removed is created again.
        try site.write(news("empat", title: "Empat").0, news("empat", title: "Empat").1)
        #expect(site.buildSucceeds())
        try ReusedOutputTests().expectSameAsFreshBuild(site)
        #expect(site.exists("berita/page/2/index.html"))
        // Every stamp a build records is its folder's stamp as the build left it.
        for previous in [false, true] {
            let record = WrittenFiles.read(WrittenFiles.path(parent: site.root, name: "public", previous: previous))
            let base = previous ? kept : site.output
            #expect(!record.folders.isEmpty || !previous)
            for (relative, stamp) in record.folders {
                #expect(FolderStamp(of: relative.isEmpty ? base : base + "/" + relative) == stamp, "\(relative)")
            }
        }
    }
}

/// Overwriting a file of an earlier site: the same bytes leave it alone, any other bytes
/// (same size, shorter, longer) replace it exactly.
struct OverwriteTests {
    @Test func anOverwrittenFileHoldsExactlyTheNewBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-overwrite-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/index.html"
        for text in ["<p>Satu</p>", "<p>Dua!</p>", "<p>Dua!</p>", "<p>3</p>", "<p>Empat, lebih panjang</p>", ""] {
            #expect(OutputWriter.writeFile(Data(text.utf8), to: path) == nil)
            #expect(FileManager.default.contents(atPath: path) == Data(text.utf8), "after writing \(text)")
        }
    }
}

/// Photos are hard links into the image cache. A rebuild leaves a link alone without a
/// system call while its folder is untouched and the cache file is the one it was linked to;
/// a cache file made anew, or a link removed behind Gugus's back, is linked again.
struct LinkedCacheFileTests {
    @Test func aReplacedCacheFileOrARemovedLinkIsLinkedAgain() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = root + "/cache", folder = root + "/public"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let source = cache + "/480.webp"
        func replaceCacheFile(_ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: source + ".tmp"))
            #expect(rename(source + ".tmp", source) == 0)
        }
        func inode(_ path: String) -> UInt64? {
            var status = stat()
            return lstat(path, &status) == 0 ? UInt64(status.st_ino) : nil
        }
        func listedInodes() -> [String: UInt64] {
            Dictionary(uniqueKeysWithValues: (FolderListing.entries(of: cache) ?? []).map { (cache + "/" + $0.name, $0.inode) })
        }
        let files = [OutputFile(url: "/media/foto/rapat-480w.aaaa.webp", cached: source, permanent: false),
                     OutputFile(path: "index.html", data: Data("<p>beranda</p>".utf8))]
        let target = folder + "/media/foto/rapat-480w.aaaa.webp"
        try replaceCacheFile("pertama")
        var record = try OutputWriter.writeAll(files, into: folder, linkedInodes: listedInodes())
        #expect(inode(target) == inode(source), "published as a hard link")
        #expect(record.links["media/foto/rapat-480w.aaaa.webp"] == inode(source))
        #expect(record.copies.isEmpty)
        Thread.sleep(forTimeInterval: 2.1)  // folder stamps are recorded once settled
        record.folders = Dictionary(uniqueKeysWithValues: ["", "media", "media/foto"].compactMap { relative in
            FolderStamp(of: relative.isEmpty ? folder : folder + "/" + relative).map { (relative, $0) }
        })

        // Unchanged: left as it is.
        record = try OutputWriter.writeAll(files, into: folder, reusing: true, known: record, linkedInodes: listedInodes())
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "pertama")
        #expect(inode(target) == inode(source))

        // The cache file is made anew (a new inode): the site shows the new one.
        try replaceCacheFile("kedua")
        record = try OutputWriter.writeAll(files, into: folder, reusing: true, known: record, linkedInodes: listedInodes())
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kedua")
        #expect(inode(target) == inode(source))

        // The link is removed from the output behind Gugus's back: its folder's stamp moves.
        Thread.sleep(forTimeInterval: 2.1)
        record.folders = Dictionary(uniqueKeysWithValues: ["", "media", "media/foto"].compactMap { relative in
            FolderStamp(of: relative.isEmpty ? folder : folder + "/" + relative).map { (relative, $0) }
        })
        #expect(unlink(target) == 0)
        _ = try OutputWriter.writeAll(files, into: folder, reusing: true, known: record, linkedInodes: listedInodes())
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kedua")
        #expect(inode(target) == inode(source))
    }
}

/// The record of written files survives a round trip, paths with spaces included, and a
/// damaged line is skipped (it only costs writing that file again).
struct WrittenFilesRecordTests {
    @Test func recordsReadBackAsWrittenAndDamagedLinesAreSkipped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/.public.gugus-files"
        let records = WrittenRecord(files: [
            "index.html": WrittenFile(inode: 1_549_834, size: 6866, seconds: 1_795_957_641, nanoseconds: 993_707_090, hash: 0xAF5D_3122_2109_153B),
            "berita/x/index.html": WrittenFile(inode: 7, size: 0, seconds: 0, nanoseconds: 0, hash: 0),
            "data/foto rakor 2024.json": WrittenFile(inode: UInt64(Int.max) + 5, size: 12, seconds: 3, nanoseconds: 999_999_999, hash: UInt64.max),
        ], copies: ["media/foto rakor.jpg", "media/2024/sk.pdf"], links: [
            "media/foto/rapat-480w.3f9a1c2b7d.webp": 1_549_900, "media/foto/rapat koordinasi.jpg": UInt64(Int.max) + 9,
        ], folders: [
            "": FolderStamp(inode: 2, seconds: 1_795_957_000, nanoseconds: 5), "berita": FolderStamp(inode: 3, seconds: 1, nanoseconds: 0),
            "media/2024": FolderStamp(inode: 4, seconds: 2, nanoseconds: 3),
        ])
        WrittenFiles.write(records, to: path, order: records.files.keys.sorted())
        #expect(WrittenFiles.read(path) == records)

        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "zz 1 2 3 4 rusak.html\n1 2 3 4\n\nabc 1 2 -3 4 minus.html\n" + "f 1 2 3 4 utuh.html"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var expected = records
        expected.files["utuh.html"] = WrittenFile(inode: 1, size: 2, seconds: 3, nanoseconds: 4, hash: 0xF)
        #expect(WrittenFiles.read(path) == expected)
    }

    /// A rebuild skips looking for leftovers among the recorded files only when the record
    /// lists exactly the files it writes, in its order and byte for byte (`café` written
    /// with a combining accent is another file).
    @Test func aRecordListsExactlyTheFilesOfABuildOnlyWhenEveryPathIsTheSame() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/.public.gugus-files"
        let paths = ["index.html", "berita/caf\u{E9}/index.html", "berita/caf\u{E9}/index.html.gz", "cari/index.html"]
        var files: [String: WrittenFile] = [:]
        for (number, file) in paths.enumerated() { files[file] = WrittenFile(inode: UInt64(number + 1), size: 1, seconds: 1, nanoseconds: 1, hash: 1) }
        WrittenFiles.write(WrittenRecord(files: files), to: path, order: paths)
        let record = WrittenFiles.read(path)
        #expect(record.order == paths)
        #expect(record.recordsExactly(paths))
        #expect(!record.recordsExactly(["index.html", "berita/cafe\u{301}/index.html", "berita/caf\u{E9}/index.html.gz", "cari/index.html"]))
        #expect(!record.recordsExactly([paths[0], paths[2], paths[1], paths[3]]), "another order")
        #expect(!record.recordsExactly(Array(paths.dropLast())), "a file fewer")
        #expect(!record.recordsExactly(paths + ["baru/index.html"]), "a file more")
        #expect(!WrittenRecord(files: files).recordsExactly(paths), "a record made in memory has no order")
    }
}

/// The first build after one into an empty folder has no earlier site to rewrite: it
/// copies the compressed files whose bytes did not change from the site it replaces
/// instead of compressing every page again, unless a file changed behind Gugus's back.
struct LiveSiteCopyTests {
    @Test func unchangedCompressedCopiesComeFromTheSiteBeingReplaced() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-live-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let output = parent + "/public"
        let page = Data(String(repeating: "<p>Laporkan ke SAPA 129.</p>\n", count: 200).utf8)
        let files = [OutputFile(path: "berita/a/index.html", data: page), OutputFile(path: "berita/b/index.html", data: page)]
        let all = files + Precompression.companions(of: files)
        guard case .success = OutputWriter.write(all, to: output, siteRoot: parent + "/site") else {
            Issue.record("the first build failed")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: parent + "/.public.gugus-previous"))

        // Mark the live copies: other (valid) gzip bytes, recorded as made from the page.
        let recordPath = WrittenFiles.path(parent: parent, name: "public", previous: false)
        var record = WrittenFiles.read(recordPath)
        let marked = try #require(Precompression.compress(page + Data(" ".utf8), as: .gzip))
        for path in ["berita/a/index.html.gz", "berita/b/index.html.gz"] {
            let file = output + "/" + path
            try FileManager.default.removeItem(atPath: file)
            try marked.write(to: URL(fileURLWithPath: file))
            record.files[path] = try #require(WrittenFiles.record(file, hash: WrittenFiles.hash(page)))
        }
        WrittenFiles.write(record, to: recordPath, order: all.map(\.path))
        // One of them is then changed behind Gugus's back (its time of status change moves).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output + "/berita/b/index.html.gz")

        guard case .success = OutputWriter.write(all, to: output, siteRoot: parent + "/site") else {
            Issue.record("the second build failed")
            return
        }
        let copied = try Data(contentsOf: URL(fileURLWithPath: output + "/berita/a/index.html.gz"))
        let remade = try Data(contentsOf: URL(fileURLWithPath: output + "/berita/b/index.html.gz"))
        #expect(copied == marked, "the unchanged copy was compressed again instead of copied")
        #expect(remade == Precompression.compress(page, as: .gzip), "a copy changed behind Gugus's back was trusted")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/berita/a/index.html")) == page)
    }
}

/// A build into a deleted output leaves no earlier site behind that the next build would
/// take for its own: that one copies the unchanged compressed files from the live site
/// instead of compressing every page again.
struct DeletedOutputTests {
    @Test func theBuildAfterADeletedOutputCopiesCompressedFilesFromTheLiveSite() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-deleted-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let output = parent + "/public"
        let previous = parent + "/.public.gugus-previous"
        let page = Data(String(repeating: "<p>Laporkan ke SAPA 129.</p>\n", count: 200).utf8)
        let files = [OutputFile(path: "berita/a/index.html", data: page)]
        let all = files + Precompression.companions(of: files)
        func build(_ step: String) {
            guard case .success = OutputWriter.write(all, to: output, siteRoot: parent + "/site") else {
                Issue.record("the \(step) build failed")
                return
            }
        }
        build("first")
        build("second")
        #expect(FileManager.default.fileExists(atPath: previous), "the second build kept no earlier site")
        // The reader deletes the output; the earlier site stays beside it until a build.
        try FileManager.default.removeItem(atPath: output)
        build("third")
        #expect(!FileManager.default.fileExists(atPath: previous), "the site kept before the output was deleted is still there")

        // Mark the live copy: other (valid) gzip bytes, recorded as made from the page.
        let recordPath = WrittenFiles.path(parent: parent, name: "public", previous: false)
        var record = WrittenFiles.read(recordPath)
        let marked = try #require(Precompression.compress(page + Data(" ".utf8), as: .gzip))
        let file = output + "/berita/a/index.html.gz"
        try FileManager.default.removeItem(atPath: file)
        try marked.write(to: URL(fileURLWithPath: file))
        record.files["berita/a/index.html.gz"] = try #require(WrittenFiles.record(file, hash: WrittenFiles.hash(page)))
        WrittenFiles.write(record, to: recordPath, order: all.map(\.path))

        build("fourth")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == marked, "the fourth build compressed the page again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/berita/a/index.html")) == page)
    }
}
