import ArgumentParser
import Foundation
import GugusCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing it: content, links, #anchors, media and alt text.",
        discussion: """
            Reports every problem as file:line:col with a hint. Exit status: 0 when all is \
            well, 1 when there are errors, 2 when the command line is wrong.
            """
    )

    @Argument(help: "The site folder, holding content/ (and optionally templates/).")
    var site: String = "."

    @Flag(help: "Also check drafts.")
    var drafts = false

    @Flag(help: "Also ask every external link over HTTP (needs the network).")
    var external = false

    @Option(help: "How many external links to ask at once.")
    var concurrency = 8

    @Option(help: "Seconds to wait for each external link.")
    var timeout = 10.0

    @Option(help: "The date to check as, YYYY-MM-DD (default: today in the site's time zone).")
    var now: String?

    func validate() throws {
        try SiteFolder.validate(now: now)
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard timeout > 0 && timeout <= 120 else { throw ValidationError("--timeout must be between 0 and 120 seconds") }
        try SiteFolder.validate(site)
    }

    func run() async throws {
        let console = Console()
        var options = BuildOptions(siteRoot: site, includeDrafts: drafts, now: now.flatMap { CivilDate(iso: $0) })
        options.writesOutput = false
        let report: BuildReport
        switch BuildPipeline.run(options) {
        case let .success(built):
            report = built
        case let .failure(failure):
            for diagnostic in failure.diagnostics { console.error(diagnostic.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            console.error("\ncheck failed: \(errors) error\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        var outcome = SiteChecker.check(report, siteRoot: site)
        if external {
            console.error("asking \(outcome.externalLinks.count) external addresses…")
            outcome.diagnostics += await ExternalLinkChecker.check(outcome.externalLinks, concurrency: concurrency, timeout: timeout)
        }
        var log = DiagnosticLog()
        log.append(contentsOf: report.warnings + outcome.diagnostics)
        let all = log.sorted
        for diagnostic in all { console.error(diagnostic.description) }
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        console.print("checked \(outcome.pagesChecked) pages and \(outcome.linksChecked) links\(external ? " (\(outcome.externalLinks.count) external)" : ""): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
