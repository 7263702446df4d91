import ArgumentParser
import Foundation
import GugusCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in SITE (content/ and templates/) into a static folder.",
        discussion: """
            Exit status: 0 when the site was built, 1 when the content has errors (each \
            reported as file:line:col with a hint), 2 when the command line is wrong.
            A failed build leaves the previous output folder exactly as it was.
            """
    )

    @Argument(help: "The site folder, holding content/ (and optionally templates/).")
    var site: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: SITE/public).")
    var output: String?

    @Flag(help: "Include drafts (files with `draft: true`).")
    var drafts = false

    @Flag(help: "Include news dated after today (held back by default until their date).")
    var future = false

    @Option(help: "The date to build as, YYYY-MM-DD (default: today in the site's time zone).")
    var now: String?

    @Option(name: .customLong("base-url"), help: "The site's address, overriding base_url of site.yaml.")
    var baseURL: String?

    @Flag(name: .customLong("no-compress"),
          help: "Write no .gz and .br copies of the text files (for hosts that compress by themselves, like GitHub Pages).")
    var noCompress = false

    func validate() throws {
        try SiteFolder.validate(now: now)
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must start with http:// or https://")
        }
        try SiteFolder.validate(site)
    }

    func run() throws {
        var options = BuildOptions(
            siteRoot: site, output: output, includeDrafts: drafts, now: now.flatMap { CivilDate(iso: $0) }, baseURL: baseURL,
            includeFuture: future)
        options.precompresses = !noCompress
        let console = Console()
        switch BuildPipeline.run(options, progress: { console.status($0) }) {
        case let .success(report):
            for warning in report.warnings { console.error(warning.description) }
            console.print(BuildSummary.text(report))
            // Done: the site is written. Exit now rather than free the whole site, object
            // by object, on the way out (a noticeable part of a large build's time).
            fflush(nil)
            Foundation.exit(0)
        case let .failure(failure):
            for diagnostic in failure.diagnostics { console.error(diagnostic.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            console.error("\nbuild failed in \(failure.phase): \(errors) error\(errors == 1 ? "" : "s"); the previous site in \(options.output) was not changed")
            throw ExitCode(1)
        }
    }
}

/// Writes progress to standard error and results to standard output.
struct Console: Sendable {
    func print(_ text: String) { Swift.print(text) }
    func status(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

enum BuildSummary {
    static func text(_ report: BuildReport) -> String {
        var lines = ["", "  Pages by type"]
        let labels: [ContentKind: String] = [.news: "news", .event: "events", .decree: "decrees", .page: "pages", .statistics: "datasets"]
        for (kind, count) in report.pagesPerKind {
            lines.append("    \((labels[kind] ?? kind.rawValue).padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(count).leftPadded(6))")
        }
        lines.append("  Files written \(String(report.filesWritten).leftPadded(9))")
        let photos = report.site.library.plans.count
        if photos > 0 {
            let made = report.imagesProcessed == 0 ? "all from the cache" : "\(report.imagesProcessed) processed, \(report.imageFilesMade) files made"
            lines.append("  Photos \(String(photos).leftPadded(16)) (\(made))")
        }
        lines.append("  Time by phase")
        var total = 0.0
        for (name, seconds) in report.phases {
            total += seconds
            lines.append("    \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(milliseconds(seconds).leftPadded(9))")
        }
        lines.append("    \("total".padding(toLength: 10, withPad: " ", startingAt: 0)) \(milliseconds(total).leftPadded(9))")
        lines.append("  Built into \(report.output)")
        return lines.joined(separator: "\n")
    }

    static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.0f ms", seconds * 1000)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
