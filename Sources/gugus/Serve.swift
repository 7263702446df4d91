import ArgumentParser
import Foundation
import GugusCore
import GugusServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; it rebuilds and reloads the page when you save a file.",
        discussion: """
            Drafts are shown (with a "draft" banner) unless --no-drafts. Errors in the content \
            are shown over the page in the browser until they are fixed; the server keeps \
            running. Only this computer can connect unless --host says otherwise. Stop with Ctrl-C.
            """
    )

    @Argument(help: "The site folder, holding content/ (and optionally templates/).")
    var site: String = "."

    @Option(name: .shortAndLong, help: "The port to listen on.")
    var port: Int = 1313

    @Option(help: "The address to listen on; 127.0.0.1 lets only this computer connect.")
    var host: String = "127.0.0.1"

    @Flag(name: .customLong("drafts"), inversion: .prefixedNo, help: "Show drafts (files with `draft: true`).")
    var drafts = true

    @Flag(help: "Show news dated after today.")
    var future = false

    @Option(help: "The date to build as, YYYY-MM-DD (default: today in the site's time zone).")
    var now: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        try SiteFolder.validate(now: now)
        try SiteFolder.validate(site)
    }

    func run() async throws {
        let console = Console()
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            console.error("warning: listening on \(host): other computers on the network can see the preview, drafts included")
        }
        let server = DevServer(
            options: .init(siteRoot: site, host: host, port: port, includeDrafts: drafts, includeFuture: future,
                           now: now.flatMap { CivilDate(iso: $0) }),
            log: { console.error($0) })
        do {
            try await server.run()
        } catch {
            console.error("error: the preview server stopped: \(error)")
            console.error("hint: if the port is in use, choose another with --port, e.g. --port 1314")
            throw ExitCode(1)
        }
    }
}
