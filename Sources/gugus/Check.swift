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
        var options = SiteCheck.Options(siteRoot: site, includeDrafts: drafts, now: now.flatMap { CivilDate(iso: $0) })
        options.external = external
        options.concurrency = concurrency
        options.timeout = timeout
        let report = await SiteCheck.run(options) { count in console.error("asking \(count) external addresses…") }
        for diagnostic in report.diagnostics { console.error(diagnostic.description) }
        let errors = report.errors
        guard report.built else {
            console.error("\ncheck failed: \(errors) error\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        let warnings = report.warnings
        let asked = report.externalAsked.map { " (\($0) external)" } ?? ""
        console.print("checked \(report.pagesChecked) pages and \(report.linksChecked) links\(asked): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
