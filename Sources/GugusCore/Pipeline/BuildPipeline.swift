import Foundation

/// What a successful build did, for the summary.
public struct BuildReport: Sendable {
    public var pagesPerKind: [(kind: ContentKind, count: Int)]
    public var filesWritten: Int
    public var phases: [(name: String, seconds: Double)]
    public var warnings: [Diagnostic]
    public var output: String
    /// The resolved site that was written.
    public var site: Site
    /// What was rendered, kept only when nothing is written (`gugus check`).
    public var files: [OutputFile] = []
    /// Each page's ids and links by its address, read as it was rendered (only when nothing
    /// is written and `collectsReferences` asked for them).
    public var references: [String: PageReferences] = [:]
    /// The rendered Markdown bodies by content file, and the theme (for incremental rebuilds).
    public var bodies: [String: RenderedMarkdown] = [:]
    public var theme: Theme?
    /// The list entries' HTML, rendered once per build (for incremental rebuilds).
    public var entryHTML: [ListedEntry: String] = [:]
    /// What Load read, for the dev server's rebuilds after a change of front matter.
    public var loaded: LoadedSite?
    /// Raster sources decoded by this build, and files they gave (0 when the cache had all).
    public var imagesProcessed = 0
    public var imageFilesMade = 0
    /// Renders `TemplateWalker` handed to swift-mustache (0 with the default theme).
    public var rendersByTemplateLibrary = 0
}

/// Why a build failed: the diagnostics, sorted by file and line.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var phase: String
}

/// Load → Validate → Resolve → Render → Write, each phase timed and named in its errors.
public enum BuildPipeline {
    public static let phaseNames = ["Load", "Validate", "Resolve", "Render", "Images", "Write"]

    public static func run(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) -> Result<BuildReport, BuildFailure> {
        var log = DiagnosticLog()
        var phases: [(String, Double)] = []
        var errorsAfterPhase: [Int] = []
        let clock = ContinuousClock()
        var started = clock.now
        func finish(_ index: Int) -> Bool {
            let elapsed = clock.now - started
            phases.append((phaseNames[index], Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            errorsAfterPhase.append(log.errors.count)
            started = clock.now
            return !log.hasErrors
        }
        /// Fails naming the first phase that found an error.
        func failed() -> Result<BuildReport, BuildFailure> {
            let index = errorsAfterPhase.firstIndex { $0 > 0 } ?? max(0, errorsAfterPhase.count - 1)
            return .failure(BuildFailure(diagnostics: log.sorted, phase: phaseNames[index]))
        }
        func announce(_ index: Int) { progress?("[\(index + 1)/\(phaseNames.count)] \(phaseNames[index])") }

        // Every phase up to Render runs even after errors, on what could be read, so that one
        // run reports all the problems of a build; nothing is written unless all is well.
        announce(0)
        // The theme is read while the content loads (its diagnostics follow the content's).
        let siteRoot = options.siteRoot
        let (themeRead, loaded) = Concurrently.run({ () -> (theme: Theme?, diagnostics: [Diagnostic]) in
            var themeLog = DiagnosticLog()
            return (Theme.load(siteRoot: siteRoot, diagnostics: &themeLog), themeLog.items)
        }, alongside: {
            ContentLoader.load(siteRoot: siteRoot, diagnostics: &log)
        })
        let loadedTheme = themeRead.theme
        log.append(contentsOf: themeRead.diagnostics)
        _ = finish(0)
        guard let config = loaded.config, let loadedTheme else { return failed() }
        let theme = options.rendersWithTemplateLibrary ? loadedTheme.withoutWalker() : loadedTheme

        // Validate and Resolve run on one core: the record of the site the write will rewrite
        // is read on the other meanwhile (only read: the write checks every file against it
        // before trusting it).
        let output = options.output, writesOutput = options.writesOutput
        let (earlierRecord, site) = Concurrently.run({ writesOutput ? OutputWriter.earlierRecord(output: output) : nil }, alongside: { () -> Site in
            announce(1)
            let index = SiteValidator.validate(loaded, diagnostics: &log)
            _ = finish(1)

            announce(2)
            let site = SiteResolver.resolve(loaded, config: config, index: index, options: options, diagnostics: &log)
            _ = finish(2)
            return site
        })

        announce(3)
        let (bodies, bodyDiagnostics) = SiteRenderer.renderBodies(site)
        log.append(contentsOf: bodyDiagnostics)
        // The media the content refers to are listed while the pages render.
        var (imageReferences, rendered) = Concurrently.run({ ImageReferences.collect(loaded, bodies: bodies) }, alongside: {
            log.hasErrors ? SiteRenderer.Rendered() : SiteRenderer.render(
                site, theme: theme, bodies: bodies, searchTerms: options.searchTerms, collectingReferences: options.collectsReferences)
        })
        var files = rendered.files
        rendered.files = []  // (then `files` alone holds the pages, freed after the write)
        log.append(contentsOf: ImageReferences.unusedProblems(site.library, references: imageReferences))
        // (Image derivatives change their address with their bytes: not recorded.)
        let produced = Set(files.lazy.filter(\.isPermanent).map { URLManifest.url(ofOutputPath: $0.path) })
        let pageURLs = Set(site.permalinks.values).union(site.aliases.map(\.from))
        for gone in loaded.gone where pageURLs.contains(gone.value.url) || (!SiteRenderer.isPage(gone.value.url) && produced.contains(gone.value.url)) {
            log.error(gone.location, "\(gone.value.url) is listed as withdrawn, but a page is published at that address",
                      hint: "remove it from content/gone.yaml, or change the page's slug")
        }
        let manifest = options.keepsURLManifest ? URLManifest.read(siteRoot: options.siteRoot) : nil
        if let manifest, !log.hasErrors {
            log.append(contentsOf: URLManifest.check(manifest, produced: produced, gone: Set(loaded.gone.map(\.value.url))))
        }
        if let script = options.injectedScript { files = files.map { $0.injecting(script) } }
        guard finish(3) else { return failed() }

        let counts: [(ContentKind, Int)] = [
            (.news, site.news.count), (.event, site.events.count), (.decree, site.decrees.count),
            (.page, site.pages.count), (.statistics, site.datasets.count),
        ]
        guard options.writesOutput else {
            return .success(BuildReport(pagesPerKind: counts, filesWritten: 0, phases: phases, warnings: log.warnings,
                                        output: options.output, site: site, files: files, references: rendered.references, bodies: bodies,
                                        rendersByTemplateLibrary: rendered.rendersByTemplateLibrary))
        }
        announce(4)
        let images = ImageProcessor.run(
            site.library.plans.keys.sorted().compactMap { site.library.plans[$0] }, references: imageReferences,
            cacheRoot: ImageProcessor.cacheRoot(siteRoot: options.siteRoot))
        log.append(contentsOf: images.diagnostics)
        guard finish(4) else { return failed() }

        announce(5)
        let written = options.precompresses ? files + Precompression.companions(of: files) : files
        // Drafts are not public: a preview with --drafts does not record addresses. (The new
        // list is made while the files are written, and saved once they are.)
        let recordsURLs = options.keepsURLManifest && options.recordsURLs && !options.includeDrafts
        let (updatedManifest, outcome) = Concurrently.run({ recordsURLs ? URLManifest.updated(manifest ?? [], produced: produced) : nil }, alongside: {
            OutputWriter.write(written, to: options.output, siteRoot: options.siteRoot, linkedInodes: images.inodes, earlierRecord: earlierRecord)
        })
        // The pages and records are freed on another core (a command that exits next does
        // not wait for them).
        BackgroundRelease.free((consume written, consume files, consume earlierRecord))
        switch outcome {
        case let .success(count):
            if let text = updatedManifest, let problem = URLManifest.write(text, siteRoot: options.siteRoot) {
                log.append(problem)
            }
            _ = finish(5)
            return .success(BuildReport(
                pagesPerKind: counts, filesWritten: count, phases: phases, warnings: log.warnings, output: options.output, site: site,
                bodies: bodies, theme: theme, entryHTML: rendered.entryHTML, loaded: loaded,
                imagesProcessed: images.processed, imageFilesMade: images.filesMade, rendersByTemplateLibrary: rendered.rendersByTemplateLibrary))
        case let .failure(diagnostic):
            log.append(diagnostic)
            _ = finish(5)
            return failed()
        }
    }
}
