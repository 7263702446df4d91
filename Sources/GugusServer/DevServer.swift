import Foundation
import GugusCore
import Hummingbird
import Logging
import ServiceLifecycle

/// `gugus serve`: builds the site into a private folder, serves it on loopback, rebuilds
/// when content or templates change and reloads the open pages.
public struct DevServer: Sendable {
    public struct Options: Sendable {
        public var siteRoot: String
        public var host: String
        public var port: Int
        public var includeDrafts: Bool
        public var includeFuture: Bool
        public var now: CivilDate?

        public init(siteRoot: String, host: String = "127.0.0.1", port: Int = 1313, includeDrafts: Bool = true,
                    includeFuture: Bool = false, now: CivilDate? = nil) {
            self.siteRoot = siteRoot
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.includeFuture = includeFuture
            self.now = now
        }
    }

    public let options: Options
    /// Where lines for the person at the terminal go.
    public let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// The build options of every rebuild: drafts shown, addresses checked but not recorded.
    func buildOptions(output: String) -> BuildOptions {
        var build = BuildOptions(siteRoot: options.siteRoot, output: output, includeDrafts: options.includeDrafts, now: options.now,
                     baseURL: "http://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(options.port)",
                     includeFuture: options.includeFuture, keepsURLManifest: true, injectedScript: LiveReloadScript.tag)
        build.recordsURLs = false
        build.precompresses = false
        return build
    }

    /// Prints the outcome of a build; returns the errors as printed lines (empty on
    /// success), or nil when nothing visible changed.
    func report(_ result: Result<IncrementalBuilder.Outcome, BuildFailure>, since started: ContinuousClock.Instant) -> [String]? {
        let elapsed = (ContinuousClock.now - started).formatted(.units(allowed: [.milliseconds]))
        switch result {
        case let .success(.full(report)):
            for warning in report.warnings { log(warning.description) }
            log("built \(report.filesWritten) files in \(elapsed)")
            return []
        case let .success(.partial(rendered, written)):
            log("rebuilt \(rendered) files that show the changed content (\(written) changed) in \(elapsed)")
            return written == 0 ? nil : []
        case let .failure(failure):
            let lines = failure.diagnostics.map(\.description)
            for line in lines { log(line) }
            log("build failed: the browser shows the errors until they are fixed")
            return lines
        }
    }

    public func run() async throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-serve-\(getpid())").path
        let output = workspace + "/public"
        try? FileManager.default.removeItem(atPath: workspace)
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }

        let hub = ReloadHub()
        let session = BuildSession(builder: IncrementalBuilder(options: buildOptions(output: output)))
        let started = ContinuousClock.now
        let firstErrors = report(await session.build(changed: []), since: started) ?? []
        if !firstErrors.isEmpty { try Self.writePlaceholder(output) }
        await hub.publish(firstErrors)

        let watcher = FileWatcher(folders: [options.siteRoot + "/content", options.siteRoot + "/templates"])
        let changes = try watcher.changes()
        let root = options.siteRoot.hasSuffix("/") ? options.siteRoot : options.siteRoot + "/"
        let rebuilder = Rebuilder(changes: changes, hub: hub, rebuild: { paths in
            let started = ContinuousClock.now
            let relative = paths.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }
            return self.report(await session.build(changed: relative), since: started)
        }, afterReload: {
            _ = await session.finishDeferredWork()
        }, log: log)

        let router = Router()
        router.add(middleware: LoopbackHeaders())
        router.get(RouterPath(stringLiteral: LiveReloadScript.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get(RouterPath(stringLiteral: LiveReloadScript.eventsPath)) { _, _ in
            let (id, stream) = await hub.subscribe()
            // The server waits for open responses before it stops: end this one on Ctrl-C.
            let body = ResponseBody { writer in
                try await withGracefulShutdownHandler {
                    for await message in stream { try await writer.write(ByteBuffer(string: message)) }
                } onGracefulShutdown: {
                    Task { await hub.finish(id) }
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
        }
        router.get("/__gugus/status") { _, _ in
            let status = await hub.status
            let data = status.json
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.add(middleware: NotFoundPage(output: output))
        router.add(middleware: StaticFiles(root: output))
        let host = options.host
        let port = options.port
        let log = self.log
        var logger = Logger(label: "gugus.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Gugus"),
            services: [rebuilder],
            onServerRunning: { _ in
                log("Serving the site at http://\(host):\(port)/ (drafts \(self.options.includeDrafts ? "shown" : "hidden")); press Ctrl-C to stop")
            },
            logger: logger
        )
        try await app.runService()
        await hub.close()
    }

    /// A page to show until the first successful build, so that the overlay has a page.
    static func writePlaceholder(_ output: String) throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let page = "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Gugus</title></head><body><p>Menunggu build yang berhasil…</p>\(LiveReloadScript.tag)</body></html>"
        try Data(page.utf8).write(to: URL(fileURLWithPath: output + "/index.html"))
    }
}

/// Rebuilds after each batch of changes, and closes the browsers' streams on Ctrl-C so
/// that the server stops at once.
struct Rebuilder: Service {
    let changes: AsyncStream<[String]>
    let hub: ReloadHub
    let rebuild: @Sendable ([String]) async -> [String]?
    /// Work that may wait until the browser has the new page (the search index): done
    /// once no file has changed for a moment, so it never delays the next edit.
    let afterReload: @Sendable () async -> Void
    let log: @Sendable (String) -> Void

    enum Event: Sendable {
        case changed([String])
        case idle(Int)
    }

    func run() async throws {
        let (events, continuation) = AsyncStream<Event>.makeStream()
        let forwarding = Task {
            for await paths in changes { continuation.yield(.changed(paths)) }
            continuation.finish()
        }
        defer { forwarding.cancel() }
        try await withGracefulShutdownHandler {
            try await cancelWhenGracefulShutdown {
                var generation = 0
                for await event in events {
                    switch event {
                    case let .changed(paths):
                        generation += 1
                        log("changed: \(paths.joined(separator: ", "))")
                        // Nothing visible changed (a second event for the same save): no reload.
                        if let errors = await rebuild(paths) { await hub.publish(errors) }
                        let waited = generation
                        Task {
                            try? await Task.sleep(for: .milliseconds(400))
                            continuation.yield(.idle(waited))
                        }
                    case let .idle(waited) where waited == generation:
                        await afterReload()
                    case .idle:
                        continue
                    }
                }
            }
        } onGracefulShutdown: {
            continuation.finish()
            Task { await hub.close() }
        }
    }
}

/// Headers for every response of the dev server: nothing is cached, nothing is sniffed.
struct LoopbackHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        if let name = HTTPFields.Element.Name("X-Content-Type-Options") { response.headers[name] = "nosniff" }
        return response
    }
}

/// The site's own `404.html`, with status 404, for addresses that lead nowhere.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let output: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let page = FileManager.default.contents(atPath: output + SiteAddress.notFound) else { throw error }
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
        }
    }
}

/// One build at a time, keeping what the incremental builder remembers between them.
actor BuildSession {
    private var builder: IncrementalBuilder

    init(builder: IncrementalBuilder) { self.builder = builder }

    func build(changed paths: [String]) -> Result<IncrementalBuilder.Outcome, BuildFailure> {
        builder.build(changed: paths)
    }

    func finishDeferredWork() -> Bool { builder.finishDeferredWork() }
}
