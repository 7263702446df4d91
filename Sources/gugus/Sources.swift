import ArgumentParser
import Foundation
import GugusCore
import GugusSources

struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Fetch the open data of the sites listed under `sources:` in site.yaml (the network pages).",
        subcommands: [Update.self]
    )

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch each source's open data into content/sources/NAME/ (a snapshot that `gugus build` reads offline).",
            discussion: """
                Eight requests at a time, each with a deadline (--timeout), at most 3 redirects and \
                20 MB a file, asking only for what changed since the last fetch (ETag, Last-Modified). \
                A source that fails keeps its last snapshot. Prints one line per source: updated, \
                unchanged, or failed and why. Exit status: 0 when every source was tried (also when \
                some failed, so that a scheduled `gugus sources update; gugus build` goes on), 1 for \
                errors in site.yaml or an unknown --only, 2 when the command line is wrong.
                """
        )

        @Argument(help: "The site folder, holding content/site.yaml.")
        var site: String = "."

        @Option(help: "Update only the source with this name.")
        var only: String?

        @Option(help: "Seconds each request may take, from its start to its last byte (1-600).")
        var timeout: Int = 30

        func validate() throws {
            guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be from 1 to 600 seconds") }
            try SiteFolder.validate(site)
        }

        func run() async throws {
            let console = Console()
            let (config, diagnostics) = ContentLoader.loadSettings(siteRoot: site)
            for diagnostic in diagnostics { console.error(diagnostic.description) }
            guard let config, !diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
            var sources = config.sources
            if sources.isEmpty {
                console.error("content/site.yaml lists no sources\n  hint: add `sources:` with a `name` and `url` for each site, e.g.\n    sources:\n      - name: kutai-timur\n        url: https://tppo.kutaitimurkab.go.id")
                throw ExitCode(1)
            }
            if let only {
                sources = sources.filter { $0.name == only }
                if sources.isEmpty {
                    console.error("no source is named \(only); the sources of content/site.yaml are: \(config.sources.map(\.name).joined(separator: ", "))")
                    throw ExitCode(1)
                }
            }
            let settings = SourceUpdater.Settings(timeout: .seconds(timeout), userAgent: "Gugus/\(GugusVersion.number) (+\(config.baseURL))")
            let results = await SourceUpdater.update(siteRoot: site, sources: sources, settings: settings)
            for result in results { console.print(result.line) }
            let updated = results.filter { if case .updated = $0.outcome { return true } else { return false } }.count
            let unchanged = results.filter { $0.outcome == .unchanged }.count
            let failed = results.count - updated - unchanged
            console.print("sources: \(updated) updated, \(unchanged) unchanged, \(failed) failed")
        }
    }
}
