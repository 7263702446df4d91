import ArgumentParser
import Foundation
import GugusCore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the annual report of one year: a print-ready page and, with --pdf, a tagged PDF.",
        discussion: """
            Compiles the decrees, events, news and datasets of YEAR, with the foreword of \
            content/reports/YEAR.md when there is one, into OUTPUT/laporan-YEAR/index.html \
            (A4 print design) and, with --pdf, OUTPUT/laporan-YEAR.pdf printed by headless \
            Chromium. Exit status: 0 when written, 1 when the content has errors or nothing is \
            dated YEAR (each reported as file:line:col with a hint), 2 when the command line is wrong.
            """
    )

    @Argument(help: "The site folder, holding content/ (and optionally templates/).")
    var site: String = "."

    @Option(help: "The year to report on, YYYY.")
    var year: String

    @Option(name: .shortAndLong, help: "Where to write the report (default: SITE/laporan).")
    var output: String?

    @Flag(help: "Also print the report to PDF with headless Chromium.")
    var pdf = false

    @Option(help: "The Chromium (or Chrome) program to print with (default: chromium on PATH).")
    var chromium: String?

    @Flag(help: "Include drafts (files with `draft: true`).")
    var drafts = false

    @Option(help: "The date to compile as, YYYY-MM-DD (default: today in the site's time zone).")
    var now: String?

    func validate() throws {
        guard year.utf8.count == 4, year.allSatisfy(\.isASCII), let number = Int(year), (1900...2999).contains(number) else {
            throw ValidationError("--year must be a year written YYYY, like 2024 (not \"\(year)\")")
        }
        try SiteFolder.validate(now: now)
        try SiteFolder.validate(site)
    }

    func run() throws {
        let options = ReportOptions(
            siteRoot: site, year: Int(year) ?? 0, output: output, includeDrafts: drafts, now: now.flatMap { CivilDate(iso: $0) },
            pdf: pdf, chromium: chromium)
        let console = Console()
        switch ReportPipeline.run(options) {
        case let .success(outcome):
            for warning in outcome.warnings { console.error(warning.description) }
            let counts = outcome.counts
            console.print("Report \(year): \(counts.decrees) decrees, \(counts.events) events, \(counts.news) news, \(counts.datasets) datasets")
            console.print("  \(outcome.html)")
            if let pdf = outcome.pdf { console.print("  \(pdf)") }
            // Done: exit rather than free the whole site on the way out (as `gugus build`).
            fflush(nil)
            Foundation.exit(0)
        case let .failure(failure):
            for diagnostic in failure.diagnostics { console.error(diagnostic.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            console.error("\nreport failed: \(errors) error\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
