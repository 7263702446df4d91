import Foundation
import Testing

/// The `gugus` binary as a user runs it: exit status, summary and errors.
@Suite struct CommandLineTests {
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try runCommand(arguments)
    }

    @Test func buildsAndSummarises() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x")]))
        let result = try run(["build", site.root, "--now", "2024-08-01"])
        #expect(result.status == 0)
        #expect(result.out.contains("news            1"))
        #expect(result.out.contains("Files written"))
        #expect(result.out.contains("Render"))
        #expect(result.err.contains("[4/6] Render"))
        #expect(site.exists("berita/x/index.html"))
        #expect(site.exists("berita/x/index.html.br") && site.exists("berita/x/index.html.gz"), "compressed copies by default")
    }

    @Test func noCompressWritesNoCompressedCopies() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x")]))
        let result = try run(["build", site.root, "--now", "2024-08-01", "--no-compress"])
        #expect(result.status == 0)
        #expect(site.exists("berita/x/index.html"))
        #expect(!site.snapshot().keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
    }

    @Test func exitsWithOneOnContentErrors() throws {
        let site = try TestSite(files: ["content/news/x.md": "---\ntitle: X\ndate: 2024/07/25\n---\n"])
        let result = try run(["build", site.root])
        #expect(result.status == 1)
        #expect(result.err.contains("content/news/x.md:3:7: error: `date` is not a date: \"2024/07/25\""))
        #expect(result.err.contains("hint: dates are written YYYY-MM-DD"))
        #expect(result.err.contains("the previous site in"))
    }

    @Test func reportNamesAWrongYearAndWritesTheYearsPage() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a", date: "2024-03-03")]))
        for year in ["24", "2024a", "dua ribu", "１２３４"] {
            let result = try run(["report", site.root, "--year", year])
            #expect(result.status == 2, "\(year)")
            #expect(result.err.contains("--year must be a year written YYYY, like 2024"), "\(result.err)")
        }
        let empty = try run(["report", site.root, "--year", "2019"])
        #expect(empty.status == 1 && empty.err.contains("nothing is dated 2019"))
        let written = try run(["report", site.root, "--year", "2024", "--now", "2025-01-01"])
        #expect(written.status == 0, "\(written.err)")
        #expect(written.out.contains("Report 2024: 0 decrees, 0 events, 1 news, 0 datasets"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/laporan/laporan-2024/index.html"))
    }

    @Test func exitsWithTwoOnUsageErrors() throws {
        let site = try TestSite()
        #expect(try run(["build", site.root, "--now", "kemarin"]).status == 2)
        #expect(try run(["build", site.root + "/tidak-ada"]).status == 2)
        #expect(try run(["build", "--tidak-ada"]).status == 2)
        #expect(try run(["--help"]).status == 0)
    }
}
