import Foundation
import Testing
@testable import GugusCore

/// What a host that serves precompressed files (nginx `gzip_static`, `brotli_static`) finds:
/// `FILE.gz` and `FILE.br` beside each text file over 1 KB, which decompress, with the real
/// `gzip` and `brotli` programs, to exactly the file's bytes; none for small or binary files;
/// the same bytes on every build; and a rebuild that compresses only what changed.
struct PrecompressionTests {
    /// Decompresses with a real program (`gzip -dc`, `brotli -dc`).
    func decompressed(_ path: String, with program: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program, "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(program) -dc \(path)")
        return data
    }

    func inode(_ path: String) -> (UInt64, Int)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return (UInt64(status.st_ino), Int(status.st_ctim.tv_nsec) + Int(status.st_ctim.tv_sec) * 1_000_000_000)
    }

    @Test func textFilesGetGzipAndBrotliCopiesThatDecompressToTheirBytes() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("satu", title: "Satu", body: String(repeating: "Pencegahan perdagangan orang dimulai dari keluarga. ", count: 60)),
            news("dua", title: "Dua"),
        ]))
        #expect(site.buildSucceeds())
        let files = site.snapshot()
        var compressed = 0
        for (path, data) in files where !path.hasSuffix(".gz") && !path.hasSuffix(".br") {
            let expected = Precompression.compresses(path, size: data.count)
            #expect(expected == (data.count > 1024 && ["html", "css", "js", "json", "xml", "svg", "ics", "csv", "txt"].contains((path as NSString).pathExtension)),
                    "\(path) (\(data.count) bytes)")
            #expect((files[path + ".gz"] != nil) == expected, "\(path).gz")
            #expect((files[path + ".br"] != nil) == expected, "\(path).br")
            guard expected else { continue }
            compressed += 1
            #expect(try decompressed(site.output + "/" + path + ".gz", with: "gzip") == data, "\(path).gz")
            #expect(try decompressed(site.output + "/" + path + ".br", with: "brotli") == data, "\(path).br")
            #expect((files[path + ".br"]?.count ?? .max) < data.count, "\(path).br is smaller")
        }
        #expect(compressed > 10, "pages, feeds, the stylesheet and the search index are compressed")
        #expect(files["berita/satu/index.html.br"] != nil)
        #expect(files["assets/style.css.gz"] != nil)
        #expect(files["robots.txt.gz"] == nil, "robots.txt is under 1 KB")
        // gzip without a name or a time: the same bytes give the same file.
        let gzip = try #require(files["index.html.gz"])
        #expect(gzip.prefix(3) == Data([0x1F, 0x8B, 0x08]) && gzip[3] == 0 && gzip[4..<8] == Data([0, 0, 0, 0]), "no name, time 0")

        // A fresh build elsewhere: the same bytes.
        let elsewhere = site.root + "/lain"
        guard case .success = site.build(output: elsewhere) else {
            Issue.record("the second build failed")
            return
        }
        #expect(TestSite.snapshotFiles(of: elsewhere) == files, "byte-identical from build to build")
    }

    @Test func aRebuildCompressesOnlyWhatChanged() throws {
        let long = String(repeating: "Sosialisasi pencegahan TPPO di desa. ", count: 80)
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("satu", title: "Satu", body: long), news("dua", title: "Dua", body: long),
        ]))
        // Two builds, then a pause: each of the two folders a build alternates between has a
        // record, and its folders' stamps have settled.
        #expect(site.buildSucceeds())
        #expect(site.buildSucceeds())
        Thread.sleep(forTimeInterval: 2.2)
        #expect(site.buildSucceeds())
        #expect(site.buildSucceeds())
        let unchanged = site.output + "/berita/dua/index.html.br"
        let edited = site.output + "/berita/satu/index.html.br"
        let before = (inode(unchanged), inode(edited))
        try site.write(news("satu", title: "Satu", body: long + " Diperbarui.").0, news("satu", title: "Satu", body: long + " Diperbarui.").1)
        // The edit goes into the folder kept beside the output (two builds alternate).
        #expect(site.buildSucceeds())
        #expect(site.buildSucceeds())
        #expect(inode(unchanged)?.1 == before.0?.1, "an unchanged page's .br is not written again")
        #expect(inode(edited)?.1 != before.1?.1, "the edited page's .br is made anew")
        #expect(try decompressed(edited, with: "brotli") == Data(site.page("berita/satu/index.html").utf8))
        #expect(site.page("berita/satu/index.html").contains("Diperbarui."))
    }

    @Test func theDevServerWritesNoCompressedCopies() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("satu", title: "Satu")]))
        var options = BuildOptions(siteRoot: site.root, now: CivilDate(iso: "2024-08-01"))
        options.precompresses = false
        guard case .success = BuildPipeline.run(options) else {
            Issue.record("the build failed")
            return
        }
        #expect(!site.snapshot().keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
    }
}

/// The theme's assets under content-hashed names, which pages use, beside their own names.
struct AssetFingerprintTests {
    @Test func hashedNamesKeepTheExtensionAndChangeWithTheBytes() {
        let a = AssetFingerprints.hashedPath("style.css", data: Data("body{}".utf8))
        let b = AssetFingerprints.hashedPath("style.css", data: Data("body{color:red}".utf8))
        #expect(a.range(of: #"^style\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil, "\(a)")
        #expect(a != b)
        #expect(AssetFingerprints.hashedPath("img/logo.v2.png", data: Data()).range(of: #"^img/logo\.v2\.[0-9a-f]{10}\.png$"#, options: .regularExpression) != nil)
        #expect(AssetFingerprints.hashedPath(".well-known/x", data: Data()).hasPrefix(".well-known/x."))
    }

    @Test func onlyWholeAddressesOfKnownAssetsAreRewritten() {
        let addresses = ["/assets/style.css": "/assets/style.0123456789.css"]
        let text = #"<link href="/assets/style.css"> /assets/style.css.map x/assets/style.css /assets/style.cssx "/assets/style.css?v=1""#
        #expect(AssetFingerprints.rewriting(addresses, in: text)
            == #"<link href="/assets/style.0123456789.css"> /assets/style.css.map x/assets/style.css /assets/style.cssx "/assets/style.0123456789.css?v=1""#)
    }

    @Test func pagesLinkTheHashedStylesheetAndBothNamesArePublished() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("satu", title: "Satu")]))
        #expect(site.buildSucceeds())
        let files = site.snapshot()
        let css = try #require(files["assets/style.css"])
        let hashed = AssetFingerprints.hashedPath("style.css", data: css)
        #expect(files["assets/" + hashed] == css)
        let page = site.page("berita/satu/index.html")
        #expect(page.contains("href=\"/assets/\(hashed)\""), "the page links the hashed stylesheet")
        #expect(!page.contains("/assets/style.css\""))
        let search = site.page("cari/index.html")
        let script = AssetFingerprints.hashedPath("search.js", data: try #require(files["assets/search.js"]))
        #expect(search.contains("src=\"/assets/\(script)\""))
        #expect(files["assets/" + script] != nil)
    }
}
