import Foundation

/// Render: pure functions from `Site` to files. Independent pages render in parallel.
enum SiteRenderer {
    /// One page (or one group of files) to render.
    enum Job: Sendable, Hashable {
        case home, notFound
        case news(Int), event(Int), decree(Int), dataset(Int), page(Int)
        case section(ContentKind, page: Int)
        case tag(Int, page: Int), region(Int, page: Int)
        case tagIndex, regionIndex
        case alias(Int)
        case newsFeed, eventFeed, calendar, eventCalendar(Int)
        case sitemap, openData, dataPage, searchIndex, searchPage
        case gone(Int)
        case networkDirectory, networkDecreeIndex, networkProvince(Int), networkEvents(page: Int), networkFile(NetworkFiles.File)
    }

    /// Renders every Markdown body once; list pages reuse the summaries.
    static func renderBodies(_ site: Site) -> (bodies: [String: RenderedMarkdown], diagnostics: [Diagnostic]) {
        let items = site.news.map(\.item) + site.events.map(\.item) + site.decrees.map(\.item) + site.pages.map(\.item) + site.datasets.map(\.item)
        let rendered = ParallelMap.map(items) { item in
            (item.file, MarkdownRenderer.render(item.body, links: LinkContext(item: item, site: site)))
        }
        var bodies: [String: RenderedMarkdown] = [:]
        bodies.reserveCapacity(rendered.count)
        var diagnostics: [Diagnostic] = []
        for (file, markdown) in rendered {
            bodies[file] = markdown
            diagnostics.append(contentsOf: markdown.diagnostics)
        }
        return (bodies, diagnostics)
    }

    /// Whether an address is an HTML page (`/x/` or `/x.html`).
    static func isPage(_ url: String) -> Bool { url.hasSuffix("/") || url.hasSuffix(".html") }

    static func jobs(for site: Site) -> [Job] {
        // The long single jobs first, so that the cores share the many short ones after them.
        var jobs: [Job] = [.searchIndex, .sitemap, .openData, .newsFeed, .eventFeed, .calendar, .dataPage, .searchPage]
        jobs += [.home, .notFound, .tagIndex, .regionIndex]
        jobs += site.news.indices.map(Job.news) + site.events.indices.map(Job.event) + site.decrees.indices.map(Job.decree)
        jobs += site.datasets.indices.map(Job.dataset) + site.pages.indices.map(Job.page)
        let perPage = site.config.perPage
        let sections: [(ContentKind, Int)] = [
            (.news, site.news.count), (.event, site.events.count), (.decree, site.decrees.count), (.statistics, site.datasets.count),
        ]
        for (kind, count) in sections {
            jobs += (1...ContextBuilder.pageCount(count, perPage: perPage)).map { Job.section(kind, page: $0) }
        }
        for (index, tag) in site.tags.enumerated() {
            jobs += (1...ContextBuilder.pageCount(tag.entries.count, perPage: perPage)).map { Job.tag(index, page: $0) }
        }
        for (index, region) in site.regionListings.enumerated() {
            jobs += (1...ContextBuilder.pageCount(region.entries.count, perPage: perPage)).map { Job.region(index, page: $0) }
        }
        jobs += site.aliases.indices.map(Job.alias)
        jobs += site.events.indices.map(Job.eventCalendar)
        // A withdrawn page leaves a notice; other withdrawn files simply disappear.
        jobs += site.gone.indices.filter { isPage(site.gone[$0].url) }.map(Job.gone)
        if let network = site.network {
            jobs = NetworkFiles.File.allCases.map(Job.networkFile) + jobs + [.networkDirectory, .networkDecreeIndex]
            jobs += network.provinces.indices.map(Job.networkProvince)
            jobs += (1...ContextBuilder.pageCount(network.events.count, perPage: Network.eventsPerPage)).map { Job.networkEvents(page: $0) }
        }
        return jobs
    }

    /// The template values of a build, with the parts every page shares rendered once,
    /// and the theme with the build's interface strings written in.
    /// `specialized`: the theme this returned for the same site settings before (the dev
    /// server's rebuilds keep it).
    static func prepare(
        _ site: Site, theme: Theme, bodies: [String: RenderedMarkdown], specialized: Theme? = nil
    ) -> (builder: ContextBuilder, theme: Theme) {
        var strings = theme.strings(for: site.config.language)
        if strings["time_zone_label"]?.isEmpty ?? true {
            strings["time_zone_label"] = TimeZoneInfo.abbreviation(for: site.config.timeZone) ?? ""
        }
        let config = site.config
        let constants = ["lang": config.language, "site.title": config.title, "site.baseURL": config.baseURL,
                         "site.year": String(site.now.year), "security.csp": SecurityPolicy.contentSecurityPolicy].merging(config.tagline.map { ["site.tagline": $0] } ?? [:]) { a, _ in a }
        let theme = specialized ?? theme.specialized(for: strings, constants: constants)
        var builder = ContextBuilder(site: site, format: Formatter(strings: strings), bodies: bodies)
        let shared = builder.page(title: site.config.title, url: SiteAddress.home, description: nil, kind: "chrome", extra: [:])
        builder.chrome = ["hotlineBar": theme.render(shared, template: "hotline-bar"), "footer": theme.render(shared, template: "footer")]
        let values = builder
        builder.headers = MenuHeaders { state in theme.render(values.headerValues(state), template: "site-header") }
        return (builder, theme)
    }

    /// Every entry of the section, tag and region lists, rendered once: an item shows in
    /// several lists, and its entry is the same in all of them. The partial sees the entry's
    /// fields over the values every page shares (`site`, `t`, `lang`, `menu`).
    static func renderEntries(_ site: Site, builder: ContextBuilder, theme: Theme) -> [ListedEntry: String] {
        renderEntries(listedEntries(site, builder: builder), site: site, builder: builder, theme: theme)
    }

    /// Every entry of the section, tag and region lists, once. (An item's entry is one
    /// object shared by every list that shows it: told apart by that object first, without
    /// hashing its address in each list; entries equal but made apart, if any, are then
    /// rendered once each and kept once by `renderEntries`.)
    static func listedEntries(_ site: Site, builder: ContextBuilder) -> [ListedEntry] {
        var seen: Set<ObjectIdentifier> = []
        var entries: [ListedEntry] = []
        for list in lists(of: site, sections: builder.sections) {
            for entry in list where seen.insert(entry.identity).inserted { entries.append(entry) }
        }
        return entries
    }

    /// The section, tag and region lists of a site.
    static func lists(of site: Site, sections: [ContentKind: [ListedEntry]]) -> [[ListedEntry]] {
        Array(sections.values) + site.tags.map(\.entries) + site.regionListings.map(\.entries)
    }

    static func renderEntries(_ entries: [ListedEntry], site: Site, builder: ContextBuilder, theme: Theme) -> [ListedEntry: String] {
        let groupSize = 256
        let groups = stride(from: 0, to: entries.count, by: groupSize).map { entries[$0..<min($0 + groupSize, entries.count)] }
        let rendered = ParallelMap.map(groups) { group in
            let shared = builder.page(title: site.config.title, url: SiteAddress.home, description: nil, kind: "entry", extra: [:])
            return group.map { entry in
                (entry, theme.render(shared.merging(builder.entryFields(entry)) { _, own in own }, template: "entry"))
            }
        }
        return Dictionary(rendered.flatMap { $0 }) { first, _ in first }
    }

    /// What rendering the whole site gives.
    struct Rendered {
        var files: [OutputFile] = []
        /// The list entries' HTML (kept for the dev server's rebuilds).
        var entryHTML: [ListedEntry: String] = [:]
        /// Each page's ids and links by its address, read as it was rendered (`gugus check`).
        var references: [String: PageReferences] = [:]
        /// Renders `TemplateWalker` handed to swift-mustache (a value or template it does not know).
        var rendersByTemplateLibrary = 0
    }

    /// Every file of the site. `collectingReferences`: each page's ids and links too.
    static func render(
        _ site: Site, theme original: Theme, bodies: [String: RenderedMarkdown], searchTerms: SearchTermCache? = nil,
        collectingReferences: Bool = false
    ) -> Rendered {
        let (ready, theme) = prepare(site, theme: original, bodies: bodies)
        var prepared = ready
        prepared.searchTerms = searchTerms
        prepared.entryHTML = renderEntries(site, builder: prepared, theme: theme)
        let builder = prepared
        let pages = ParallelMap.map(jobs(for: site)) { job -> ([OutputFile], [(String, PageReferences)]) in
            let files = render(job, builder: builder, theme: theme)
            guard collectingReferences else { return (files, []) }
            return (files, files.compactMap { file in
                guard file.path.hasSuffix(".html"), case let .bytes(data) = file.content else { return nil }
                return (URLManifest.url(ofOutputPath: file.path), PageReferences(html: data))
            })
        }
        var files = pages.flatMap(\.0)
        var references = Dictionary(pages.flatMap(\.1)) { first, _ in first }
        // Each asset under its own name and its content-hashed one (which pages use).
        files += theme.assets.flatMap { asset in
            [OutputFile(url: SiteAddress.asset(asset.path), data: asset.data),
             OutputFile(url: SiteAddress.asset(AssetFingerprints.hashedPath(asset.path, data: asset.data)), data: asset.data)]
        }
        files += mediaFiles(site)
        let editor = DecapCMS.files(for: site)
        files += editor
        if collectingReferences {
            for file in editor where file.path.hasSuffix(".html") {
                if case let .bytes(data) = file.content { references[URLManifest.url(ofOutputPath: file.path)] = PageReferences(html: data) }
            }
        }
        return Rendered(files: files, entryHTML: builder.entryHTML, references: references,
                        rendersByTemplateLibrary: theme.compiled?.handedToLibrary.value ?? 0)
    }

    /// The media of the site: other files as they are, rasters as their plans say (a stripped
    /// copy at the original's address and the derivatives, from the image cache).
    /// `only`: the files of these media paths alone.
    static func mediaFiles(_ site: Site, only: Set<String>? = nil) -> [OutputFile] {
        var files: [OutputFile] = []
        var published: Set<String> = []
        for file in site.media where only?.contains(file.path) ?? true {
            guard file.raster != nil else {
                files.append(OutputFile(url: SiteAddress.media(file.path), copyFrom: file.absolutePath))
                continue
            }
            // A raster that cannot be published stopped the build before Write.
            guard let plan = site.library.plans[file.path] else { continue }
            for variant in plan.variants where published.insert(variant.url).inserted {
                files.append(OutputFile(url: variant.url, cached: variant.cachePath,
                                        permanent: variant.url == plan.original.url))
            }
        }
        return files
    }

    static func render(_ job: Job, builder: ContextBuilder, theme: Theme) -> [OutputFile] {
        let site = builder.site
        let format = builder.format
        func html(_ url: String, _ template: String, _ context: ContextBuilder.Context) -> OutputFile {
            OutputFile(path: OutputFile.htmlPath(for: url), data: theme.renderData(context, template: template))
        }
        switch job {
        case .home:
            return [html(SiteAddress.home, "home", builder.home())]
        case .notFound:
            let context = builder.page(title: format.text("not_found_title"), url: SiteAddress.notFound, description: nil, kind: "404", extra: [:])
            return [html(SiteAddress.notFound, "404", context)]
        case let .news(index):
            return [html(site.news[index].url, "news", builder.news(site.news[index]))]
        case let .event(index):
            return [html(site.events[index].url, "event", builder.event(site.events[index]))]
        case let .decree(index):
            return [html(site.decrees[index].url, "decree", builder.decree(site.decrees[index]))]
        case let .page(index):
            return [html(site.pages[index].url, "page", builder.infoPage(site.pages[index]))]
        case let .dataset(index):
            let dataset = site.datasets[index]
            return [
                html(dataset.url, "dataset", builder.dataset(dataset)),
                OutputFile(url: dataset.csvURL, text: DataExport.csv(dataset.fields.table)),
                OutputFile(url: dataset.jsonURL, data: DataExport.json(dataset, site: site)),
            ]
        case let .section(kind, number):
            let entries = builder.sections[kind] ?? []
            let pagination = ContextBuilder.Pagination(
                number: number, total: ContextBuilder.pageCount(entries.count, perPage: site.config.perPage), baseURL: SiteAddress.section(kind))
            let context = builder.list(
                heading: format.text("section_" + kind.rawValue), intro: format.strings["section_" + kind.rawValue + "_intro"],
                entries: entries, pagination: pagination, kind: "section")
            return [html(pagination.url, "list", context)]
        case let .tag(index, number):
            let tag = site.tags[index]
            let pagination = ContextBuilder.Pagination(
                number: number, total: ContextBuilder.pageCount(tag.entries.count, perPage: site.config.perPage), baseURL: tag.url)
            let heading = format.text("tag_heading").replacingOccurrences(of: "{tag}", with: tag.title)
            return [html(pagination.url, "listing", builder.list(heading: heading, intro: nil, entries: tag.entries, pagination: pagination, kind: "tag"))]
        case let .region(index, number):
            let listing = site.regionListings[index]
            let pagination = ContextBuilder.Pagination(
                number: number, total: ContextBuilder.pageCount(listing.entries.count, perPage: site.config.perPage), baseURL: listing.url)
            let region = site.region(listing.key)
            let children = site.regions(under: listing.key).map { ["title": $0.name, "url": SiteAddress.region($0.urlSegment)] as ContextBuilder.Context }
            let parent = region?.parent.flatMap { site.region($0) }.map { ["title": $0.name, "url": SiteAddress.region($0.urlSegment)] as ContextBuilder.Context }
            let extra = ContextBuilder.compact([
                "childList": children.isEmpty ? nil : ["items": children] as ContextBuilder.Context, "parent": parent,
                "level": region.map { format.text("region_level_" + $0.level.rawValue) }, "code": listing.key,
            ])
            return [html(pagination.url, "listing", builder.list(
                heading: listing.title, intro: nil, entries: listing.entries, pagination: pagination, kind: "region", extra: extra))]
        case .tagIndex:
            let links = site.tags.map { ["title": $0.title, "url": $0.url, "count": String($0.entries.count)] as ContextBuilder.Context }
            let context = builder.page(title: format.text("tags_heading"), url: SiteAddress.tags, description: nil, kind: "index",
                                       extra: ["index": ["heading": format.text("tags_heading"), "links": links]])
            return [html(SiteAddress.tags, "listing", context)]
        case .regionIndex:
            let links = site.regionListings.map { listing -> ContextBuilder.Context in
                let level = site.region(listing.key).map { format.text("region_level_" + $0.level.rawValue) } ?? ""
                return ["title": listing.title, "url": listing.url, "count": String(listing.entries.count), "detail": level]
            }
            let context = builder.page(title: format.text("regions_heading"), url: SiteAddress.regions, description: nil, kind: "index",
                                       extra: ["index": ["heading": format.text("regions_heading"), "links": links]])
            return [html(SiteAddress.regions, "listing", context)]
        case let .alias(index):
            let alias = site.aliases[index]
            // The page's canonical link names the new address.
            let context = builder.page(title: alias.title, url: alias.to, description: nil, kind: "alias",
                                       extra: ["alias": ["target": alias.to, "canonical": site.config.baseURL + alias.to, "title": alias.title]])
            return [html(alias.from, "alias", context)]
        case .newsFeed:
            return [OutputFile(url: SiteAddress.newsFeed, text: AtomFeed.xml(AtomFeed.news(site, builder: builder), site: site))]
        case .eventFeed:
            return [OutputFile(url: SiteAddress.eventFeed, text: AtomFeed.xml(AtomFeed.events(site, builder: builder), site: site))]
        case .calendar:
            let name = site.config.title + " · " + format.text("section_event")
            return [OutputFile(url: SiteAddress.calendar, text: ICalendar.calendar(site.events, name: name, site: site))]
        case let .eventCalendar(index):
            let event = site.events[index]
            return [OutputFile(url: SiteAddress.calendar(ofEvent: event.item.slug), text: ICalendar.calendar([event], name: event.item.title, site: site))]
        case .sitemap:
            return Sitemap.files(site) + [OutputFile(url: SiteAddress.robots, text: Sitemap.robots(site))]
        case .openData:
            return OpenData.files(site)
        case .dataPage:
            return [html(SiteAddress.data, "data", builder.dataPage())]
        case .searchIndex:
            return SearchIndex.files(site, builder: builder)
        case .searchPage:
            return [html(SiteAddress.search, "search", builder.searchPage())]
        case let .gone(index):
            let gone = site.gone[index]
            let context = builder.page(title: format.text("gone_title"), url: gone.url, description: nil, kind: "gone",
                                       extra: ["gone": ContextBuilder.compact(["reason": gone.reason])])
            return [html(gone.url, "gone", context)]
        case .networkDirectory:
            guard let network = site.network else { return [] }
            return [html(SiteAddress.network, "network", builder.networkDirectory(network))]
        case .networkDecreeIndex:
            guard let network = site.network else { return [] }
            return [html(SiteAddress.networkDecrees, "network", builder.networkDecreeIndex(network))]
        case let .networkProvince(index):
            guard let network = site.network else { return [] }
            return [html(network.provinces[index].url, "network", builder.networkProvince(network, index, render: theme.render))]
        case let .networkEvents(number):
            guard let network = site.network else { return [] }
            let context = builder.networkEvents(network, page: number, render: theme.render)
            return [html(SiteAddress.page(number, of: SiteAddress.networkEvents), "network", context)]
        case let .networkFile(file):
            guard let network = site.network else { return [] }
            return [NetworkFiles.file(file, network: network, site: site, builder: builder)]
        }
    }
}
