import Foundation
import Testing
@testable import GugusCore

/// Each kind of bad input gives the exact `file:line:col` and a message, in one run, and
/// leaves the last good output untouched.
@Suite struct ErrorReportTests {
    @Test func reportsTheLineAndColumnOfTheOffendingValue() throws {
        let site = try TestSite(files: ["content/news/x.md": "---\ntitle: Judul\ndate: 2024-13-45\n---\nIsi\n"])
        let errors = site.buildErrors()
        #expect(errors == ["content/news/x.md:3:7: error: `date` is not a date: \"2024-13-45\"\n  hint: dates are written YYYY-MM-DD, like 2024-07-25"])
    }

    @Test func reportsEveryProblemOfABuildAtOnce() throws {
        let site = try TestSite(files: [
            "content/news/a.md": "---\ntitle: A\n---\n",
            "content/news/b.md": "---\ntitle: B\ndate: 2024-01-01\nregion: \"99\"\n---\n",
            "content/events/c.md": "---\ntitle: C\nkind: pesta\nstart: 2024-01-01\nregion: \"64\"\n---\n",
        ])
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("content/news/a.md:2:1: error: the required field `date` is missing") })
        #expect(errors.contains { $0.hasPrefix("content/news/b.md:4:9: error: the region \"99\" is not in content/regions.yaml") })
        #expect(errors.contains { $0.hasPrefix("content/events/c.md:3:7: error: `kind` cannot be \"pesta\"") })
    }

    @Test func reportsYAMLSyntaxErrorsAtTheFileLine() throws {
        let site = try TestSite(files: ["content/news/x.md": "---\ntitle: Rakor: Gugus\ndate: 2024-01-01\n---\n"])
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/news/x.md:2:") == true)
        #expect(errors.first?.contains("must be put in quotes") == true)
    }

    /// A `gugus new` file lists every field; someone adds `aliases:` at the top as well.
    @Test func aFieldWrittenTwiceIsReportedAtItsSecondLineWithoutDumpingTheFile() throws {
        let site = try TestSite(files: [
            "content/news/x.md": "---\naliases: [/berita/lama/]\ntitle: Judul\ndate: 2024-01-01\nsummary: Ringkas\naliases: []\n---\nIsi\n",
            "content/site.yaml": TestSite.siteYAML + "\nhotlines:\n  - {name: SAPA 129, phone: \"129\", phone: \"130\"}\n",
        ])
        let errors = site.buildErrors()
        #expect(errors.contains("content/news/x.md:6:1: error: the field `aliases` is written twice (first on line 2)\n  hint: keep one `aliases:` line and delete the other (put all its values in the one you keep)"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:") && $0.contains("the field `hotlines` is written twice") }, "\(errors)")
        #expect(!errors.joined().contains("Context"), "no dump of the front matter")
        #expect(!errors.joined().contains("Ringkas"))
    }

    @Test func aDuplicateInANestedMapNamesThatLine() {
        let found = DuplicateKeys.first(in: "title: A\nhotlines:\n  - name: SAPA\n    phone: \"129\"\n    phone: \"130\"\nmenu: []\n")
        #expect(found == DuplicateKeys.Found(key: "phone", firstLine: 4, line: 5, column: 5))
        #expect(DuplicateKeys.first(in: "a: {b: 1}\nc: [a, a]\nd: {a: 1}\n") == nil, "the same key in other maps, and list items, are no duplicates")
    }

    @Test func refusesHostileInputsWithoutCrashing() throws {
        let bomb = "---\ntitle: Bom\ndate: 2024-01-01\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n"
        let site = try TestSite(files: [
            "content/news/bom.md": bomb,
            "content/news/dalam.md": "---\ntitle: Dalam\ndate: 2024-01-01\nx: " + String(repeating: "[", count: 5000) + "\n---\n",
            "content/news/tutup.md": "---\ntitle: Tidak ditutup\n",
            "content/news/naik.md": "---\ntitle: Naik\ndate: 2024-01-01\nslug: ../../etc\nimage: media/../../rahasia.jpg\nimage_alt: x\n---\n",
        ])
        try site.write("content/news/biner.md", data: Data("---\ntitle: X\0\n---\n".utf8))
        try site.write("content/news/latin1.md", data: Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\ndate: 2024-01-01\n---\n".utf8))
        try site.write("content/news/besar.md", String(repeating: "a", count: SourceText.Limits.markdownBytes + 10))
        // Quadratic in cmark-gfm 0.29 (CVE-2023-22486): 50,000 of these take minutes.
        try site.write("content/news/kurung.md", "---\ntitle: K\ndate: 2024-01-01\n---\n" + String(repeating: "![[]()", count: 50_000))
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/news/luar.md", withDestinationPath: "/etc/hostname")
        let errors = site.buildErrors()
        let expected = [
            "content/news/bom.md:2:1: error: the YAML expands to more than",
            "content/news/dalam.md:4:",
            "content/news/tutup.md:1:1: error: the front matter is not closed",
            "content/news/naik.md:4:7: error: the slug \"../../etc\" may only hold",
            "content/news/naik.md:5:8: error: the image path \"media/../../rahasia.jpg\" is not allowed",
            "content/news/biner.md:2:9: error: the file contains a NUL byte",
            "content/news/latin1.md:2:11: error: the file is not valid UTF-8 text",
            "content/news/besar.md:1:1: error: the file is too large",
            "content/news/kurung.md:5:1: error: the text has 100000 `[` characters; the limit is 10000",
            "content/news/luar.md:1:1: error: this file is a link to a place outside the site folder",
        ]
        for prefix in expected {
            #expect(errors.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\nall errors:\n\(errors.joined(separator: "\n"))")
        }
    }

    @Test func checksDecreeReferencesAndCycles() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            decree("a", "1/A", extra: "amends: [\"2/B\"]\n"),
            decree("b", "2/B", extra: "revokes: [\"1/A\"]\n"),
            decree("c", "3/C", extra: "amends: [\"3/C\"]\n"),
            decree("d", "4/D", extra: "revokes: [\"9/Z\"]\n"),
            decree("e", "4/D"),
        ]))
        let errors = site.buildErrors()
        #expect(errors.contains { $0.contains("the decrees amend or revoke each other in a circle") })
        #expect(errors.contains { $0.hasPrefix("content/decrees/c.md:8:10: error: the decree 3/C refers to itself") })
        #expect(errors.contains { $0.hasPrefix("content/decrees/d.md:8:11: error: no decree has the number 9/Z") })
        #expect(errors.contains { $0.hasPrefix("content/decrees/e.md:3:9: error: the decree number 4/D is already used by content/decrees/d.md") })
    }

    @Test func checksMediaAndEventReferences() throws {
        let site = try TestSite(files: [
            "content/news/x.md": "---\ntitle: X\ndate: 2024-01-01\nimage: media/foto.jpg\nimage_alt: Foto\nevents: [tidak-ada]\n---\n",
            "content/news/y.md": "---\ntitle: Y\ndate: 2024-01-01\nimage: media/foto.jpg\n---\n",
        ])
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("content/news/x.md:4:8: error: the image file media/foto.jpg does not exist") })
        #expect(errors.contains { $0.hasPrefix("content/news/x.md:6:10: error: no event has the slug \"tidak-ada\"") })
        #expect(errors.contains { $0.hasPrefix("content/news/y.md:4:8: error: the image has no description (`image_alt`)") })
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x", title: "Baik")]))
        #expect(site.buildSucceeds())
        let good = site.snapshot()
        #expect(good["berita/x/index.html"] != nil)
        try site.write("content/news/x.md", "---\ntitle: Rusak\ndate: kemarin\n---\n")
        _ = site.buildErrors()
        #expect(site.snapshot() == good)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("gugus-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x")]))
        try site.write("dokumen/penting.txt", "jangan dihapus")
        switch site.build(output: site.root + "/dokumen") {
        case .success: Issue.record("the build replaced a folder of other files")
        case let .failure(failure):
            #expect(failure.diagnostics.first?.message.contains("already holds files that Gugus did not write") == true)
        }
        #expect(FileManager.default.fileExists(atPath: site.root + "/dokumen/penting.txt"))
    }
}
