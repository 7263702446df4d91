/// Resolve: turns the loaded, validated content into one immutable `Site` with URLs,
/// cross-references both ways, derived decree status, taxonomies and menus.
enum SiteResolver {
    static func resolve(
        _ loaded: LoadedSite, config: SiteConfig, index: ContentIndex, options: BuildOptions, diagnostics: inout DiagnosticLog
    ) -> Site {
        var config = config
        if let baseURL = options.baseURL {
            config.baseURL = baseURL
            while config.baseURL.hasSuffix("/") { config.baseURL.removeLast() }
        }
        let now = options.now ?? TimeZoneInfo.today(in: config.timeZone)
        // Drafts wait for `--drafts`; news dated after today waits for its date (or `--future`).
        func isPublished(_ item: ContentItem) -> Bool {
            if item.common.draft && !options.includeDrafts { return false }
            if !options.includeFuture, case let .news(fields) = item.details, fields.date > now { return false }
            return true
        }
        // Positions of the published items (a filtered copy of the items would copy each one).
        let published = loaded.items.indices.filter { isPublished(loaded.items[$0]) }
        let unpublished = Set(loaded.items.lazy.filter { !isPublished($0) }.map(\.file))
        var permalinks: [String: String] = Dictionary(minimumCapacity: published.count)
        for position in published { permalinks[loaded.items[position].file] = loaded.items[position].address }

        /// A link to a published item (an item given by its place in the loaded list is published).
        func link(_ item: ContentItem, detail: String? = nil, published: Bool = false) -> EntryLink? {
            guard published || permalinks[item.file] != nil else { return nil }
            return EntryLink(title: item.title, url: item.address, detail: detail)
        }
        func decreeLink(_ number: String) -> EntryLink? {
            index.decreeByNumber[number].flatMap { link($0, detail: number) }
        }

        // Who points at whom, collected once so each relation is known both ways.
        var amendedBy: [String: [EntryLink]] = [:]
        var revokedBy: [String: [EntryLink]] = [:]
        var eventsOfDecree: [String: [EntryLink]] = [:]
        var newsOfDecree: [String: [EntryLink]] = [:]
        var newsOfEvent: [String: [EntryLink]] = [:]
        for position in published {
            let item = loaded.items[position]
            // (Most items point at nothing: their links are made only when they do.)
            switch item.details {
            case let .decree(fields):
                guard !fields.amends.isEmpty || !fields.revokes.isEmpty,
                    let source = link(item, detail: fields.number.value, published: true) else { continue }
                for target in fields.amends { amendedBy[target.value, default: []].append(source) }
                for target in fields.revokes { revokedBy[target.value, default: []].append(source) }
            case let .event(fields):
                if let decree = fields.decree, let source = link(item, detail: fields.start.date.description, published: true) {
                    eventsOfDecree[decree.value, default: []].append(source)
                }
            case let .news(fields):
                guard !fields.decrees.isEmpty || !fields.events.isEmpty,
                    let source = link(item, detail: fields.date.description, published: true) else { continue }
                for decree in fields.decrees { newsOfDecree[decree.value, default: []].append(source) }
                for event in fields.events { newsOfEvent[event.value, default: []].append(source) }
            default: break
            }
        }

        var site = Site(
            config: config, now: now, regions: [],
            decrees: [], events: [], news: [], pages: [], datasets: [], tags: [], regionListings: [],
            media: loaded.media, permalinks: permalinks, unpublished: unpublished, aliases: [], menu: [])
        // Assigned after the initializer, so that the lookup by code is built.
        site.regions = loaded.regions.map(\.value).sorted { $0.code < $1.code }
        site.library = MediaLibrary(
            loaded.media, settings: config.images, cacheRoot: ImageProcessor.cacheRoot(siteRoot: options.siteRoot),
            shared: Set(published.compactMap { loaded.items[$0].common.image.flatMap { SitePath.mediaPath($0.value) } }))

        for position in published {
            let item = loaded.items[position]
            let itemURL = item.address
            switch item.details {
            case let .decree(fields):
                let number = fields.number.value
                let revokers = revokedBy[number] ?? []
                let amenders = amendedBy[number] ?? []
                var status: ResolvedDecree.Status = revokers.isEmpty ? (amenders.isEmpty ? .inForce : .amended) : .revoked
                if let written = fields.status {
                    if revokers.isEmpty && amenders.isEmpty, let explicit = ResolvedDecree.Status(rawValue: written.value) {
                        status = explicit
                    } else if written.value != status.rawValue {
                        diagnostics.warning(written.location, "`status: \(written.value)` does not match the other decrees: this decree is \(status.rawValue)",
                                            hint: "remove the `status:` line; Gugus derives it from the decrees that amend or revoke this one")
                    }
                }
                site.decrees.append(ResolvedDecree(
                    item: item, fields: fields, url: itemURL, status: status,
                    amends: fields.amends.compactMap { decreeLink($0.value) }, amendedBy: amenders,
                    revokes: fields.revokes.compactMap { decreeLink($0.value) }, revokedBy: revokers,
                    document: fields.document.flatMap { SitePath.mediaPath($0.value) }.flatMap { index.mediaPaths[$0] },
                    events: eventsOfDecree[number] ?? [], news: newsOfDecree[number] ?? []))
            case let .event(fields):
                site.events.append(ResolvedEvent(
                    item: item, fields: fields, url: itemURL, decree: fields.decree.flatMap { decreeLink($0.value) },
                    news: newsOfEvent[item.slug] ?? []))
            case let .news(fields):
                site.news.append(ResolvedNews(
                    item: item, fields: fields, url: itemURL,
                    events: fields.events.compactMap { index.eventBySlug[$0.value].flatMap { link($0) } },
                    decrees: fields.decrees.compactMap { decreeLink($0.value) }))
            case let .page(fields):
                site.pages.append(ResolvedPage(item: item, fields: fields, url: itemURL))
            case let .statistics(fields):
                site.datasets.append(ResolvedDataset(item: item, fields: fields, url: itemURL, csvURL: SiteAddress.datasetCSV(item.slug),
                                                     jsonURL: SiteAddress.datasetJSON(item.slug)))
            }
        }

        // The tag and region lists are built on another core while this one sorts the
        // sections and checks the aliases.
        let entries = listed(site), regions = site.regions
        let lists = Concurrently.run({ () -> (tags: [Listing], regions: [Listing]) in
            let sorted = sortedNewestFirst(entries)
            return (tagListings(sorted), regionListings(sorted, regions: regions))
        }, while: {
            // Newest first, then by slug. Sorted by their keys: moving whole items while
            // sorting copies them over and over.
            sort(&site.decrees, key: { ($0.fields.date, $0.item.slug) }) { ($1.0, $0.1) < ($0.0, $1.1) }
            sort(&site.news, key: { ($0.fields.date, $0.item.slug) }) { ($1.0, $0.1) < ($0.0, $1.1) }
            sort(&site.events, key: { EventOrder(event: $0, now: now) }) { $0.precedes($1) }
            sort(&site.pages, key: { ($0.fields.menu ?? Int.max, $0.item.slug) }) { $0 < $1 }
            sort(&site.datasets, key: { $0.item.slug }) { $0 < $1 }
            site.menu = config.menu + site.pages.filter { $0.fields.menu != nil }.map { .init(title: $0.item.title, url: $0.url) }
            let withAliases = published.filter { !loaded.items[$0].common.aliases.isEmpty }.map { loaded.items[$0] }
            site.aliases = resolveAliases(withAliases, permalinks: permalinks, diagnostics: &diagnostics)
        })
        site.tags = retitled(lists.tags, site: site)
        site.regionListings = lists.regions
        site.gone = loaded.gone.map(\.value)
        site.network = NetworkResolver.resolve(site, snapshots: loaded.snapshots, diagnostics: &diagnostics)
        return site
    }

    /// The elements in the order of their keys, each key computed once. The elements are
    /// then swapped into place: a swap moves them, where building a new array copies them.
    static func sort<Element, Key>(_ result: inout [Element], key: (Element) -> Key, by areInOrder: (Key, Key) -> Bool) {
        let keys = result.map(key)
        // (Read through a buffer: an array's element is copied for each comparison.)
        let order = keys.withUnsafeBufferPointer { keys in keys.indices.sorted { areInOrder(keys[$0], keys[$1]) } }
        // Position `target` takes the element that was at `order[target]`: follow each cycle.
        // (A buffer's `swapAt` moves the two elements; an array's copies one of them.)
        var placed = [Bool](repeating: false, count: order.count)
        result.withUnsafeMutableBufferPointer { elements in
            for start in order.indices where !placed[start] {
                var target = start
                while order[target] != start {
                    elements.swapAt(target, order[target])
                    placed[target] = true
                    target = order[target]
                }
                placed[target] = true
            }
        }
    }

    /// Upcoming events first (soonest first), then past events (most recent first).
    struct EventOrder {
        var upcoming: Bool
        var start: LocalDateTime
        var slug: String

        init(event: ResolvedEvent, now: CivilDate) {
            upcoming = (event.fields.end ?? event.fields.start).date >= now
            start = event.fields.start
            slug = event.item.slug
        }

        func precedes(_ other: EventOrder) -> Bool {
            if upcoming != other.upcoming { return upcoming }
            if start != other.start { return upcoming ? start < other.start : other.start < start }
            return slug < other.slug
        }
    }

    /// Each listed item's entry with its tags and region (without copying whole items).
    static func listed(_ site: Site) -> [Listed] {
        func entry(_ item: ContentItem, _ url: String, _ date: CivilDate?) -> Listed {
            (ListedEntry(item, url: url, date: date), item.common.tags, item.common.region?.value)
        }
        return site.news.map { entry($0.item, $0.url, $0.fields.date) }
            + site.events.map { entry($0.item, $0.url, $0.fields.start.date) }
            + site.decrees.map { entry($0.item, $0.url, $0.fields.date) }
            + site.datasets.map { entry($0.item, $0.url, nil) }
            + site.pages.map { entry($0.item, $0.url, nil) }
    }

    typealias Listed = (entry: ListedEntry, tags: [Located<String>], region: String?)

    /// Listed items newest first (then by address: every list's order). Sorted once, the
    /// lists keep the order as they take their entries.
    static func sortedNewestFirst(_ listed: [Listed]) -> [Listed] {
        let keys = listed.map { ($0.entry.date ?? .fallback, $0.entry.url) }
        let order = keys.withUnsafeBufferPointer { keys in
            keys.indices.sorted { keys[$0].0 != keys[$1].0 ? keys[$0].0 > keys[$1].0 : keys[$0].1 < keys[$1].1 }
        }
        return order.map { listed[$0] }
    }

    /// The tag lists, in the order of `listed` (newest first); `retitled` sets their titles.
    static func tagListings(_ listed: [Listed]) -> [Listing] {
        var listings: [Listing] = []
        // Each spelling's list, found with one lookup; each tag's (its slug), for new spellings.
        var bySpelling: [String: Int] = [:]
        var byKey: [String: Int] = [:]
        for (entry, tags, _) in listed {
            for tag in tags {
                let position: Int
                if let known = bySpelling[tag.value] {
                    position = known
                } else {
                    let key = Slug.make(from: tag.value)
                    if let known = byKey[key] {
                        position = known
                    } else {
                        position = listings.count
                        byKey[key] = position
                        listings.append(Listing(key: key, title: tag.value, url: SiteAddress.tag(key), entries: []))
                    }
                    bySpelling[tag.value] = position
                }
                listings[position].entries.append(entry)
            }
        }
        return listings.sorted { $0.key < $1.key }
    }

    /// The tag lists with each title spelled as on the first item that has the tag, in the
    /// order of the sections (news, events, decrees, datasets, pages, each sorted): `Banjir`
    /// and `banjir` are one tag, and its title must not depend on how the lists were built.
    static func retitled(_ tags: [Listing], site: Site) -> [Listing] {
        let keys = Set(tags.map(\.key))
        var titles: [String: String] = [:]
        var slugs: [String: String] = [:]
        func read(_ item: ContentItem) {
            for tag in item.common.tags {
                let key = slugs[tag.value] ?? Slug.make(from: tag.value)
                slugs[tag.value] = key
                if titles[key] == nil && keys.contains(key) { titles[key] = tag.value }
            }
        }
        // Section by section, in place (a list of all the items would copy each one), until
        // every tag has its title.
        for index in site.news.indices where titles.count < keys.count { read(site.news[index].item) }
        for index in site.events.indices where titles.count < keys.count { read(site.events[index].item) }
        for index in site.decrees.indices where titles.count < keys.count { read(site.decrees[index].item) }
        for index in site.datasets.indices where titles.count < keys.count { read(site.datasets[index].item) }
        for index in site.pages.indices where titles.count < keys.count { read(site.pages[index].item) }
        return tags.map { tag in
            var tag = tag
            tag.title = titles[tag.key] ?? tag.title
            return tag
        }
    }

    /// The region lists, in the order of `listed` (newest first).
    static func regionListings(_ listed: [Listed], regions: [Region]) -> [Listing] {
        var byRegion: [String: [ListedEntry]] = [:]
        for (entry, _, region) in listed {
            if let code = region { byRegion[code, default: []].append(entry) }
        }
        return regions.map { region in
            Listing(key: region.code, title: region.name, url: SiteAddress.region(region.urlSegment), entries: byRegion[region.code] ?? [])
        }
    }

    static func resolveAliases(_ items: [ContentItem], permalinks: [String: String], diagnostics: inout DiagnosticLog) -> [(from: String, to: String, title: String)] {
        let taken = Set(permalinks.values)
        var aliases: [String: (to: String, title: String, location: SourceLocation)] = [:]
        for item in items {
            for alias in item.common.aliases {
                var path = alias.value
                if !path.hasPrefix("/") { path = "/" + path }
                let inner = path.dropFirst()
                guard inner.isEmpty || SitePath.isSafeRelative(inner.hasSuffix("/") ? String(inner.dropLast()) : String(inner)) else {
                    diagnostics.error(alias.location, "the alias \"\(alias.value)\" is not a valid address on this site",
                                      hint: "write the old path of the page, like /berita/judul-lama/")
                    continue
                }
                if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
                if taken.contains(path) || path == SiteAddress.home {
                    diagnostics.error(alias.location, "the alias \(path) is the address of another page",
                                      hint: "an alias is an old address that no page uses any more; remove it")
                    continue
                }
                if let other = aliases[path] {
                    diagnostics.error(alias.location, "the alias \(path) is already used in \(other.location.file)",
                                      hint: "an old address can lead to one page only; remove one of the two")
                    continue
                }
                aliases[path] = (permalinks[item.file] ?? SiteAddress.home, item.title, alias.location)
            }
        }
        return aliases.keys.sorted().compactMap { key in aliases[key].map { (key, $0.to, $0.title) } }
    }
}
