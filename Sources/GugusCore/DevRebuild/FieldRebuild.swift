import Foundation

/// The dev server's rebuild after a change of front matter in existing content files.
extension IncrementalBuilder {
    /// Reads only the changed files again, validates and resolves the site from what the last
    /// build loaded, and renders the pages whose values changed: the pages of every item
    /// whose resolved value differs from the last build's (the edited items, and those that
    /// link to them: titles, dates, decree numbers, status), the list pages whose entries
    /// changed, the home and search pages and the feeds. Which pages depend on what is not
    /// listed by hand: the values are compared whole. The sitemap, open data, calendar and search index follow after
    /// the page is shown (`finishDeferredWork`).
    ///
    /// nil when the change needs the full pipeline: a file that is new, removed or a
    /// dataset (its CSV), an error or a warning (the full build reports them at their
    /// line), or a change in the shape of the site: addresses, what is published (drafts
    /// without `--drafts`, future news), aliases, tags, menu, the day the build is for, or
    /// the number of pages of a list (pages would appear or disappear).
    mutating func fieldRebuild(_ report: BuildReport, changed paths: [String]) -> Outcome? {
        guard let original = report.theme, var loaded = report.loaded, let config = loaded.config, report.warnings.isEmpty else {
            return nil
        }
        let changed = Set(paths)
        let files = SiteFiles(root: options.siteRoot)
        var log = DiagnosticLog()
        for path in changed {
            guard path.hasPrefix("content/"), path.hasSuffix(".md"), let position = loaded.items.firstIndex(where: { $0.file == path }),
                loaded.items[position].kind != .statistics,
                let item = ContentLoader.loadItem(kind: loaded.items[position].kind, path: path, files: files, diagnostics: &log)
            else { return nil }
            loaded.items[position] = item
        }
        // The references are checked on another core while this one resolves the site (any
        // problem sends the change to the full build, which reports it).
        let index = SiteValidator.index(loaded, diagnostics: &log)
        var site: Site?
        let references = Concurrently.run({ [loaded] in
            var problems = DiagnosticLog()
            SiteValidator.checkReferences(loaded, index: index, diagnostics: &problems)
            return problems
        }, while: {
            site = SiteResolver.resolve(loaded, config: config, index: index, options: options, diagnostics: &log)
        })
        log.append(contentsOf: references.items)
        guard let site else { return nil }
        let old = report.site
        // A site with network pages lists its own decrees and events there, among every
        // source's, by province and date: a change of their fields is for a full build.
        guard log.items.isEmpty, old.network == nil, site.network == nil, Self.sameShape(old, site), Self.samePageCounts(old, site),
            Self.sameImageFiles(old, site) else {
            return nil
        }

        var bodies = report.bodies
        for path in changed {
            guard let item = site.item(file: path) else { continue }  // a draft left out of this build
            let rendered = MarkdownRenderer.render(item.body, links: LinkContext(item: item, site: site))
            guard rendered.diagnostics.isEmpty else { return nil }
            bodies[path] = rendered
        }

        let (ready, theme) = SiteRenderer.prepare(site, theme: original, bodies: bodies, specialized: specializedTheme)
        specializedTheme = theme
        var builder = ready
        builder.searchTerms = searchTerms
        let oldSections = ContextBuilder.sections(of: old, format: builder.format)
        // The entries and pages that can show something new: those of every item whose
        // resolved value changed (the edited files', and any whose links, dates or status
        // changed with them: compared whole, so a new field cannot be missed). The others
        // are kept as they were.
        let affected = changed.union(Self.itemsWithNewValues(old, site))
        let keys = ListKeys(of: affected, in: [old, site])
        builder.entryHTML = Self.entryHTML(report.entryHTML, of: affected, keys: keys, before: old, sections: oldSections, builder: builder, theme: theme)

        let jobs = Self.jobs(after: changed, affected: affected, keys: keys, old: old, new: site, oldSections: oldSections, newSections: builder.sections)
        guard let (rendered, written) = renderAndWrite(jobs, builder: builder, theme: theme) else { return nil }
        var updated = report
        updated.site = site
        updated.bodies = bodies
        updated.entryHTML = builder.entryHTML
        updated.loaded = loaded
        last = updated
        deferredJobs.formUnion([.searchIndex, .sitemap, .openData, .calendar])
        return .partial(rendered: rendered, written: written)
    }

    /// Whether two resolutions of a site publish the same addresses and lists: then every
    /// file of one has its counterpart in the other, and jobs mean the same files.
    static func sameShape(_ old: Site, _ new: Site) -> Bool {
        old.now == new.now && old.permalinks == new.permalinks && old.unpublished == new.unpublished && old.menu == new.menu
            && old.aliases.map(\.from) == new.aliases.map(\.from) && old.aliases.map(\.to) == new.aliases.map(\.to)
            && old.tags.map(\.key) == new.tags.map(\.key) && old.tags.map(\.title) == new.tags.map(\.title)
            && old.regionListings.map(\.key) == new.regionListings.map(\.key)
    }

    /// Whether every tag and region list has as many pages as before. (Section lists hold
    /// every published item of their type: the same addresses mean the same lengths.)
    /// Whether both sites publish the same image files (an item that gets an `image` also
    /// gets a picture for link previews, which only the full build makes).
    static func sameImageFiles(_ old: Site, _ new: Site) -> Bool {
        func files(_ site: Site) -> Set<String> { Set(site.library.plans.values.flatMap { $0.variants.map(\.url) }) }
        return old.library.plans.count == new.library.plans.count && files(old) == files(new)
    }

    static func samePageCounts(_ old: Site, _ new: Site) -> Bool {
        let perPage = new.config.perPage
        func pages(_ listing: Listing) -> Int { ContextBuilder.pageCount(listing.entries.count, perPage: perPage) }
        return old.tags.map(pages) == new.tags.map(pages) && old.regionListings.map(pages) == new.regionListings.map(pages)
    }

    /// The files of the items whose resolved values differ between two resolutions of a site.
    static func itemsWithNewValues(_ old: Site, _ new: Site) -> Set<String> {
        func files<Item: ResolvedItem>(_ before: [Item], _ after: [Item]) -> [String] {
            differing(before, after, changed: FewFiles([])).map { after[$0].item.file }
        }
        return Set(files(old.decrees, new.decrees) + files(old.events, new.events) + files(old.news, new.news)
                   + files(old.pages, new.pages) + files(old.datasets, new.datasets))
    }

    /// The indices in `after` of the items that are edited (`changed`) or whose resolved
    /// value differs from the same file's in `before` (or that `before` does not have).
    static func differing<Item: ResolvedItem>(_ before: [Item], _ after: [Item], changed: FewFiles) -> [Int] {
        // Most items keep their place; the others are found by file.
        var previous: [String: Int]?
        return after.indices.filter { index in
            let name = after[index].item.file
            if changed.contains(name) { return true }
            if index < before.count && before[index].item.file == name { return before[index] != after[index] }
            if previous == nil { previous = Dictionary(before.indices.map { (before[$0].item.file, $0) }) { first, _ in first } }
            guard let earlier = previous?[name] else { return true }
            return before[earlier] != after[index]
        }
    }

    /// The list entries' HTML after `files` changed: their entries as they were are dropped,
    /// their entries now are rendered, the others are kept.
    static func entryHTML(
        _ previous: [ListedEntry: String], of files: Set<String>, keys: ListKeys, before old: Site,
        sections oldSections: [ContentKind: [ListedEntry]], builder: ContextBuilder, theme: Theme
    ) -> [ListedEntry: String] {
        var html = previous
        for entry in entries(of: files, keys: keys, in: old, sections: oldSections) { html[entry] = nil }
        let fresh = entries(of: files, keys: keys, in: builder.site, sections: builder.sections)
        html.merge(SiteRenderer.renderEntries(Array(fresh), site: builder.site, builder: builder, theme: theme)) { _, new in new }
        return html
    }

    /// The entries of the files in every list of a site (`keys`: the tag and region lists
    /// that can hold them).
    static func entries(of files: Set<String>, keys: ListKeys, in site: Site, sections: [ContentKind: [ListedEntry]]) -> Set<ListedEntry> {
        let files = FewFiles(files)
        var found: Set<ListedEntry> = []
        let lists = Array(sections.values) + site.tags.filter { keys.tags.contains($0.key) }.map(\.entries)
            + site.regionListings.filter { keys.regions.contains($0.key) }.map(\.entries)
        for list in lists {
            for index in list.indices where files.contains(list[index].file) { found.insert(list[index]) }
        }
        return found
    }

    /// The pages to render again after the front matter of `changed` files changed
    /// (`affected` adds the files whose list entries changed with them).
    static func jobs(
        after changed: Set<String>, affected: Set<String>, keys: ListKeys, old: Site, new: Site,
        oldSections: [ContentKind: [ListedEntry]], newSections: [ContentKind: [ListedEntry]]
    ) -> Set<SiteRenderer.Job> {
        var jobs: Set<SiteRenderer.Job> = [.home, .searchPage, .newsFeed, .eventFeed, .tagIndex, .regionIndex]
        let changed = FewFiles(changed)
        let affected = FewFiles(affected)
        jobs.formUnion(differing(old.news, new.news, changed: changed).map(SiteRenderer.Job.news))
        for index in differing(old.events, new.events, changed: changed) {
            jobs.formUnion([.event(index), .eventCalendar(index)])
        }
        jobs.formUnion(differing(old.decrees, new.decrees, changed: changed).map(SiteRenderer.Job.decree))
        jobs.formUnion(differing(old.pages, new.pages, changed: changed).map(SiteRenderer.Job.page))

        let perPage = new.config.perPage
        /// The pages of a list that can show other entries than before: from the first place
        /// an affected entry had or has to the last (entries in between moved by one), and
        /// to the end when an entry came or went. (The number of pages is the same:
        /// `samePageCounts`.)
        func pages(_ before: [ListedEntry], _ after: [ListedEntry]) -> Range<Int> {
            let total = ContextBuilder.pageCount(after.count, perPage: perPage)
            let positions = before.indices.filter { affected.contains(before[$0].file) }
                + after.indices.filter { affected.contains(after[$0].file) }
            guard let first = positions.min(), let last = positions.max() else { return 1..<1 }
            return (first / perPage + 1)..<(before.count == after.count ? last / perPage + 2 : total + 1)
        }
        for (kind, entries) in newSections {
            jobs.formUnion(pages(oldSections[kind] ?? [], entries).map { SiteRenderer.Job.section(kind, page: $0) })
        }
        // (Both sites have the same lists in the same order: `sameShape`.)
        for (index, tag) in new.tags.enumerated() where keys.tags.contains(tag.key) {
            jobs.formUnion(pages(old.tags[index].entries, tag.entries).map { SiteRenderer.Job.tag(index, page: $0) })
        }
        for (index, listing) in new.regionListings.enumerated() where keys.regions.contains(listing.key) {
            jobs.formUnion(pages(old.regionListings[index].entries, listing.entries).map { SiteRenderer.Job.region(index, page: $0) })
        }
        for (index, alias) in new.aliases.enumerated() where alias.title != old.aliases[index].title {
            jobs.insert(.alias(index))
        }
        return jobs
    }
}

/// The keys of the tag and region lists that can show the entries of some files: those of
/// their items' tags and regions, in any of the given sites. No other list holds an entry
/// of theirs, so only these are searched.
struct ListKeys {
    var tags: Set<String> = []
    var regions: Set<String> = []

    init(of files: Set<String>, in sites: [Site]) {
        for site in sites {
            for file in files {
                guard let item = site.item(file: file) else { continue }
                for tag in item.common.tags { tags.insert(Slug.make(from: tag.value)) }
                if let region = item.common.region { regions.insert(region.value) }
            }
        }
    }
}

/// A set of file paths that is usually one or two long: compared one by one then, which
/// costs less than hashing every path a list holds.
struct FewFiles {
    private let list: [String]
    private let set: Set<String>

    init(_ files: Set<String>) {
        list = files.count <= 8 ? Array(files) : []
        set = files.count <= 8 ? [] : files
    }

    func contains(_ file: String) -> Bool {
        list.isEmpty ? set.contains(file) : list.contains(file)
    }
}

/// A published item after Resolve: what its page shows is its value (compared whole by the
/// dev server's rebuild) and the site's settings.
protocol ResolvedItem: Equatable {
    var item: ContentItem { get }
}

extension ResolvedDecree: ResolvedItem {}
extension ResolvedEvent: ResolvedItem {}
extension ResolvedNews: ResolvedItem {}
extension ResolvedPage: ResolvedItem {}
extension ResolvedDataset: ResolvedItem {}
