/// `gugus check` from start to end: the build without writing, then the links, anchors,
/// media and alt text of what it rendered, then (when asked) every external address.
public enum SiteCheck {
    public struct Options: Sendable {
        public var build: BuildOptions
        /// Ask every external address over HTTP.
        public var external = false
        public var concurrency = 8
        public var timeout = 10.0

        public init(siteRoot: String, includeDrafts: Bool, now: CivilDate?) {
            build = BuildOptions(siteRoot: siteRoot, includeDrafts: includeDrafts, now: now)
            build.writesOutput = false
            build.collectsReferences = true
        }
    }

    public struct Report: Sendable {
        /// Every problem, sorted by file and line (the build's warnings too).
        public var diagnostics: [Diagnostic]
        /// False when the build itself failed: nothing else was checked.
        public var built: Bool
        public var pagesChecked = 0
        public var linksChecked = 0
        /// How many external addresses were asked (nil without `external`).
        public var externalAsked: Int?

        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.count - errors }
    }

    /// `asking`: told how many external addresses are about to be asked.
    public static func run(_ options: Options, asking: (@Sendable (Int) -> Void)? = nil) async -> Report {
        let report: BuildReport
        switch BuildPipeline.run(options.build) {
        case let .success(built):
            report = built
        case let .failure(failure):
            return Report(diagnostics: failure.diagnostics, built: false)
        }
        var outcome = SiteChecker.check(report, siteRoot: options.build.siteRoot)
        if options.external {
            asking?(outcome.externalLinks.count)
            outcome.diagnostics += await ExternalLinkChecker.check(outcome.externalLinks, concurrency: options.concurrency, timeout: options.timeout)
        }
        var log = DiagnosticLog()
        log.append(contentsOf: report.warnings + outcome.diagnostics)
        return Report(diagnostics: log.sorted, built: true, pagesChecked: outcome.pagesChecked, linksChecked: outcome.linksChecked,
                      externalAsked: options.external ? outcome.externalLinks.count : nil)
    }
}
