import Foundation
import Testing
@testable import GugusCore

/// `gugus report` without the PDF: what the year's page holds, its errors, and that it is
/// the same every time. (The PDF is read back by real tools in Tests/clients/test_report.py.)
@Suite struct ReportTests {
    static func year(_ number: Int) -> [(String, String)] {
        [
            decree("sk-\(number)", "\(number % 100)/K.100/\(number)", date: "\(number)-03-04"),
            ("content/events/rakor-\(number).md",
             "---\ntitle: Rakor Gugus Tugas \(number)\nkind: rakor\nstart: \(number)-05-06T09:00\nlocation: Aula Sangatta\nregion: \"64.08\"\nparticipants: [Dinas Sosial, Polres Kutai Timur]\n---\nIsi.\n"),
            news("berita-\(number)", title: "Berita tahun \(number)", date: "\(number)-07-08"),
        ]
    }

    func site(_ extra: [(String, String)] = []) throws -> TestSite {
        try TestSite(files: Dictionary(uniqueKeysWithValues: Self.year(2023) + Self.year(2024) + extra))
    }

    func report(_ site: TestSite, year: Int = 2024) -> Result<ReportOutcome, BuildFailure> {
        ReportPipeline.run(ReportOptions(siteRoot: site.root, year: year, now: CivilDate(iso: "2025-02-01")))
    }

    func html(_ site: TestSite, year: Int = 2024) -> String {
        (try? String(contentsOfFile: site.root + "/laporan/laporan-\(year)/index.html", encoding: .utf8)) ?? ""
    }

    @Test func theYearsDecreesEventsAndNewsAndNoneOfAnotherYear() throws {
        let site = try site()
        guard case let .success(outcome) = report(site) else { Issue.record("the report failed"); return }
        #expect(outcome.counts.decrees == 1 && outcome.counts.events == 1 && outcome.counts.news == 1)
        let page = html(site)
        for wanted in ["24/K.100/2024", "Rakor Gugus Tugas 2024", "Berita tahun 2024", "Dinas Sosial, Polres Kutai Timur", "Aula Sangatta",
                       "<html lang=\"id\">", "<title>Laporan Tahunan Gugus Tugas PP-TPPO 2024</title>", "Mei 2024", "SAPA 129"] {
            #expect(page.contains(wanted), "\(wanted)")
        }
        for unwanted in ["23/K.100/2023", "Rakor Gugus Tugas 2023", "Berita tahun 2023"] {
            #expect(!page.contains(unwanted), "\(unwanted)")
        }
        #expect(page.contains("https://uji.example.id/regulasi/24-k-100-2024/"), "the official address of each item")
        #expect(page.components(separatedBy: "<svg class=\"qr\"").count == 6, "QR codes of the home page and the four sections")
        #expect(FileManager.default.fileExists(atPath: site.root + "/laporan/laporan-2024/report.css"))
    }

    @Test func theForewordIsSignedAndItsLinksLeadToTheSite() throws {
        let site = try site([("content/reports/2024.md", """
            ---
            title: Laporan Gugus Tugas 2024
            signed_by: Ketua Harian
            signed_place: Sangatta
            signed_date: 2025-01-20
            ---
            Tahun ini kami menetapkan [keputusan baru](../decrees/sk-2024.md).
            """)])
        guard case .success = report(site) else { Issue.record("the report failed"); return }
        let page = html(site)
        #expect(page.contains("<title>Laporan Gugus Tugas 2024</title>"))
        #expect(page.contains("href=\"https://uji.example.id/regulasi/24-k-100-2024/\">keputusan baru</a>"))
        #expect(page.contains("Sangatta, 20 Januari 2025<br><br><strong>Ketua Harian</strong>"))
    }

    @Test func mistakesAreReportedAtTheirLine() throws {
        let broken = try site([("content/reports/2024.md", "---\ntitle: [tidak ditutup\n---\nIsi.\n")])
        guard case let .failure(failure) = report(broken) else { Issue.record("a broken front matter must fail"); return }
        // As the build reports it: where the parser found the list unclosed.
        #expect(failure.diagnostics.contains { $0.description.hasPrefix("content/reports/2024.md:3:1: error: the YAML is not valid") }, "\(failure.diagnostics)")

        let unsigned = try site([("content/reports/2024.md", "---\ntitle: Laporan\nsigned_by: Ketua Harian\n---\nIsi.\n")])
        guard case let .failure(missing) = report(unsigned) else { Issue.record("a signature without a date must fail"); return }
        #expect(missing.diagnostics.map(\.description).contains {
            $0.hasPrefix("content/reports/2024.md:3:") && $0.contains("has no `signed_date:`") && $0.contains("signed_date: 2025-01-15")
        }, "\(missing.diagnostics)")

        let empty = try site()
        guard case let .failure(nothing) = report(empty, year: 2019) else { Issue.record("a year without content must fail"); return }
        #expect(nothing.diagnostics.map(\.description).contains { $0.contains("nothing is dated 2019") && $0.contains("2024, 2023") })
        #expect(!FileManager.default.fileExists(atPath: empty.root + "/laporan/laporan-2019"), "no empty report")
    }

    @Test func hostileTextStaysText() throws {
        let site = try site([news("jahat", title: "'\"Awas\" <script>alert(1)</script> & akhir'", date: "2024-09-09")])
        guard case .success = report(site) else { Issue.record("the report failed"); return }
        let page = html(site)
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func theSameSourcesGiveTheSamePage() throws {
        let site = try site()
        guard case .success = report(site) else { Issue.record("the report failed"); return }
        let first = html(site)
        guard case .success = report(site) else { Issue.record("the report failed"); return }
        #expect(html(site) == first && !first.isEmpty)
    }

    @Test func aTitleInTheRunningHeaderCannotLeaveItsCSSString() {
        #expect(ContextBuilder.cssString("A \"b\" \\ </style>\nc") == "A \\\"b\\\" \\\\ \\3C /style>\\A c")
    }

    @Test func aMissingChromiumIsAClearError() throws {
        let site = try site()
        var options = ReportOptions(siteRoot: site.root, year: 2024, now: CivilDate(iso: "2025-02-01"), pdf: true, chromium: "/nonexistent/chromium")
        options.output = site.root + "/out"
        guard case let .failure(failure) = ReportPipeline.run(options) else { Issue.record("printing with no browser must fail"); return }
        #expect(failure.diagnostics.map(\.description).contains { $0.contains("/nonexistent/chromium is not an executable file") && $0.contains("apt-get install chromium") })
    }

    /// A program that is not a browser (it ends at once, or says something and ends) is a
    /// clear error with its last words, not a crash or a wait; no PDF is left behind.
    @Test func aBrowserThatStopsIsAClearError() throws {
        let site = try site()
        let fake = site.root + "/not-a-browser"
        try site.write("not-a-browser", "#!/bin/sh\necho \"no DevTools here\" >&2\nexit 3\n")
        chmod(fake, 0o755)
        var options = ReportOptions(siteRoot: site.root, year: 2024, now: CivilDate(iso: "2025-02-01"), pdf: true, chromium: fake)
        options.output = site.root + "/out"
        guard case let .failure(failure) = ReportPipeline.run(options) else { Issue.record("printing with a program that is not a browser must fail"); return }
        let lines = failure.diagnostics.map(\.description)
        #expect(lines.contains { $0.contains("Chromium could not print the report: the browser stopped before it finished") && $0.contains("no DevTools here") }, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: options.pdfPath))
    }
}

extension ReportTests {
    /// A PDF as Chromium writes one: a nested page tree and named destinations.
    @Test func pagesAreReadFromThePrintedDestinations() {
        let pdf = """
            %PDF-1.4
            2 0 obj
            <</Type /Page /Parent 41 0 R>>
            endobj
            8 0 obj
            <</Type /Page /Parent 41 0 R>>
            endobj
            9 0 obj
            <</Title (Daftar isi) /Dest [8 0 R /XYZ 69 776 0]>>
            endobj
            17 0 obj
            <</Type /Page /Parent 42 0 R>>
            endobj
            41 0 obj
            <</Type /Pages
            /Count 2
            /Kids [2 0 R 8 0 R]
            /Parent 42 0 R>>
            endobj
            42 0 obj
            <</Type /Pages
            /Count 3
            /Kids [41 0 R 17 0 R]>>
            endobj
            43 0 obj
            <</ringkasan [17 0 R /XYZ 12 841.9 0]
            /kata-pengantar [8 0 R /XYZ 12 841.9 0]>>
            endobj
            """
        #expect(PrintedPages.destinations(inPDF: Data(pdf.utf8)) == ["ringkasan": 3, "kata-pengantar": 2])
        #expect(PrintedPages.destinations(inPDF: Data("not a pdf".utf8)) == [:])
    }
}
