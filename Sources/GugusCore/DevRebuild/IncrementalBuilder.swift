import Foundation

/// Rebuilds for `gugus serve`. When only the text of content files changed (their front
/// matter is the same), it renders those bodies again and only the files that show them:
/// the item's page, the list pages where its summary appears, the feeds and the search
/// index. When their front matter changed (`FieldRebuild.swift`), it validates and
/// resolves the site again with only those files read anew, and renders the pages whose
/// values changed. Anything else (new or removed files, changed addresses, tags, menus,
/// datasets, templates, settings) runs the full pipeline. Either way the output equals a
/// full build.
public struct IncrementalBuilder: Sendable {
    public let options: BuildOptions
    var last: BuildReport?
    let searchTerms = SearchTermCache()
    /// Files of the last partial rebuild written after the page is shown (the search
    /// index, and after a change of fields the sitemap, open data and calendar).
    var deferredJobs: Set<SiteRenderer.Job> = []
    /// The last build's theme with its interface strings and settings written in (kept
    /// until a full build: partial rebuilds change neither, nor the day they build for).
    var specializedTheme: Theme?

    public enum Outcome: Sendable {
        /// Only these files were rendered (and those that differed were written).
        case partial(rendered: Int, written: Int)
        case full(BuildReport)
    }

    public init(options: BuildOptions) {
        var options = options
        options.searchTerms = searchTerms
        self.options = options
    }

    /// Builds after a change of the given site-relative paths (all when empty).
    public mutating func build(changed paths: [String]) -> Result<Outcome, BuildFailure> {
        if let last, !paths.isEmpty, let outcome = bodyOnlyRebuild(last, changed: paths) ?? fieldRebuild(last, changed: paths)
            ?? mediaRebuild(last, changed: paths) {
            return .success(outcome)
        }
        specializedTheme = nil
        deferredJobs = []  // a full build writes everything
        let result = BuildPipeline.run(options)
        switch result {
        case let .success(report):
            last = report
            return .success(.full(report))
        case let .failure(failure):
            last = nil
            return .failure(failure)
        }
    }

    /// nil when the change is not a text-only edit of existing content (or has errors,
    /// which the full build reports).
    private mutating func bodyOnlyRebuild(_ report: BuildReport, changed paths: [String]) -> Outcome? {
        guard let original = report.theme else { return nil }
        var site = report.site
        var bodies = report.bodies
        // The search index is written afterwards (`finishDeferredWork`): on a large site it
        // takes longer than the pages the officer is looking at.
        var jobs: Set<SiteRenderer.Job> = []
        let files = SiteFiles(root: options.siteRoot)
        // Text-only edits, each with its item as it was: anything else is for another path.
        var edits: [(path: String, old: ContentItem, split: FrontMatter)] = []
        for path in Set(paths) {
            guard path.hasPrefix("content/"), path.hasSuffix(".md"), let old = site.item(file: path) else { return nil }
            var log = DiagnosticLog()
            guard let source = files.readText(path, limit: SourceText.Limits.markdownBytes, diagnostics: &log),
                case let .success(split) = FrontMatterSplitter.split(source.text, path: path),
                split.yaml == old.frontMatterYAML, ContentLoader.checkBodyLimits(split, path: path) == nil
            else { return nil }
            edits.append((path, old, split))
        }
        let (builderBefore, theme) = SiteRenderer.prepare(site, theme: original, bodies: bodies, specialized: specializedTheme)
        specializedTheme = theme
        for (path, old, split) in edits {
            let rendered = MarkdownRenderer.render(split.body, links: LinkContext(item: old, bodyFirstLine: split.bodyFirstLine, site: site))
            guard !rendered.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            let summaryChanged = bodies[path]?.firstParagraph != rendered.firstParagraph && old.common.summary == nil
            bodies[path] = rendered
            site.setBody(split.body, of: path)
            jobs.formUnion(Self.jobs(showing: path, site: site, builder: builderBefore, summaryChanged: summaryChanged))
        }
        var prepared = builderBefore.rebuilt(bodies: bodies, site: site)
        prepared.searchTerms = searchTerms
        // The entries of the edited files again, the others as the full build made them.
        prepared.entryHTML = Self.entryHTML(
            report.entryHTML, of: Set(paths), keys: ListKeys(of: Set(paths), in: [site]), before: report.site, sections: builderBefore.sections,
            builder: prepared, theme: theme)
        let builder = prepared
        guard let (rendered, written) = renderAndWrite(jobs, builder: builder, theme: theme) else { return nil }
        var updated = report
        updated.site = site
        updated.bodies = bodies
        updated.entryHTML = builder.entryHTML
        // What was loaded follows too, for a later change of fields.
        for (path, _, split) in edits {
            if let index = updated.loaded?.items.firstIndex(where: { $0.file == path }) { updated.loaded?.items[index].body = split.body }
        }
        last = updated
        deferredJobs.insert(.searchIndex)
        return .partial(rendered: rendered, written: written)
    }

    /// Renders the jobs and writes the files whose bytes changed (each in its place, atomically);
    /// nil when one cannot be written, and the full build that follows writes them all.
    func renderAndWrite(_ jobs: Set<SiteRenderer.Job>, builder: ContextBuilder, theme: Theme) -> (rendered: Int, written: Int)? {
        let ordered = jobs.sorted { "\($0)" < "\($1)" }
        var output = ParallelMap.map(ordered) { SiteRenderer.render($0, builder: builder, theme: theme) }.flatMap { $0 }
        if let script = options.injectedScript { output = output.map { $0.injecting(script) } }
        guard let written = OutputWriter.replace(output, in: options.output) else { return nil }
        return (output.count, written)
    }

    /// Writes what the last partial rebuild left for later (the search index, …); returns
    /// whether it wrote anything. After this, the output equals a full build.
    public mutating func finishDeferredWork() -> Bool {
        guard !deferredJobs.isEmpty, let report = last, let original = report.theme else { return false }
        let jobs = deferredJobs
        deferredJobs = []
        let (ready, theme) = SiteRenderer.prepare(report.site, theme: original, bodies: report.bodies, specialized: specializedTheme)
        specializedTheme = theme
        var prepared = ready
        prepared.searchTerms = searchTerms
        prepared.entryHTML = report.entryHTML
        return renderAndWrite(jobs, builder: prepared, theme: theme) != nil
    }

    /// The pages that show an item's text: its own page, the feed it is in and, when its
    /// summary comes from its first paragraph, the list pages and the home page.
    static func jobs(showing file: String, site: Site, builder: ContextBuilder, summaryChanged: Bool) -> Set<SiteRenderer.Job> {
        var jobs: Set<SiteRenderer.Job> = []
        if let index = site.news.firstIndex(where: { $0.item.file == file }) { jobs.formUnion([.news(index), .newsFeed]) }
        if let index = site.events.firstIndex(where: { $0.item.file == file }) { jobs.formUnion([.event(index), .eventFeed]) }
        if let index = site.decrees.firstIndex(where: { $0.item.file == file }) { jobs.insert(.decree(index)) }
        if let index = site.pages.firstIndex(where: { $0.item.file == file }) { jobs.insert(.page(index)) }
        if let index = site.datasets.firstIndex(where: { $0.item.file == file }) { jobs.insert(.dataset(index)) }
        guard summaryChanged else { return jobs }
        let perPage = site.config.perPage
        jobs.insert(.home)
        for (kind, entries) in builder.sections {
            if let position = entries.firstIndex(where: { $0.file == file }) { jobs.insert(.section(kind, page: position / perPage + 1)) }
        }
        let keys = ListKeys(of: [file], in: [site])
        for (index, tag) in site.tags.enumerated() where keys.tags.contains(tag.key) {
            if let position = tag.entries.firstIndex(where: { $0.file == file }) { jobs.insert(.tag(index, page: position / perPage + 1)) }
        }
        for (index, region) in site.regionListings.enumerated() where keys.regions.contains(region.key) {
            if let position = region.entries.firstIndex(where: { $0.file == file }) { jobs.insert(.region(index, page: position / perPage + 1)) }
        }
        return jobs
    }
}

extension Site {
    func item(file: String) -> ContentItem? {
        news.first { $0.item.file == file }?.item ?? events.first { $0.item.file == file }?.item
            ?? decrees.first { $0.item.file == file }?.item ?? pages.first { $0.item.file == file }?.item
            ?? datasets.first { $0.item.file == file }?.item
    }

    mutating func setBody(_ body: String, of file: String) {
        if let index = news.firstIndex(where: { $0.item.file == file }) { news[index].item.body = body }
        if let index = events.firstIndex(where: { $0.item.file == file }) { events[index].item.body = body }
        if let index = decrees.firstIndex(where: { $0.item.file == file }) { decrees[index].item.body = body }
        if let index = pages.firstIndex(where: { $0.item.file == file }) { pages[index].item.body = body }
        if let index = datasets.firstIndex(where: { $0.item.file == file }) { datasets[index].item.body = body }
    }
}
