/// Builds the values a template sees. Every string from front matter goes through the
/// template engine's HTML escaping; only Markdown bodies (rendered by cmark-gfm in safe
/// mode) are inserted raw, as `{{{body}}}`.
struct ContextBuilder: Sendable {
    private(set) var site: Site
    let format: Formatter
    private(set) var bodies: [String: RenderedMarkdown]
    /// The entries of each section list, built once for all its pages.
    let sections: [ContentKind: [ListedEntry]]
    /// `site.*` and `hotlines`, the same on every page.
    let siteValues: SiteValues
    let hotlines: [TextValues]
    /// The organization and website nodes of every page's JSON-LD.
    let siteNodes: [JSONValue]
    let siteNodesText: String
    /// Parts every page shares (the hotline bar and the footer), rendered once per build
    /// from their partials and inserted as they are.
    var chrome: [String: String] = [:]
    /// The site header for each menu state (`chrome.header`), rendered when first needed.
    var headers: MenuHeaders?
    /// Each list entry's HTML (`partials/entry.mustache`), rendered once per build for all
    /// the lists it appears in; entries missing here are rendered in their list.
    var entryHTML: [ListedEntry: String] = [:]
    /// Terms of the search index kept between the dev server's rebuilds.
    var searchTerms: SearchTermCache?

    init(site: Site, format: Formatter, bodies: [String: RenderedMarkdown]) {
        self.site = site
        self.format = format
        self.bodies = bodies
        sections = Self.sections(of: site, format: format)
        siteValues = SiteValues(site)
        hotlines = Self.hotlines(site)
        siteNodes = StructuredData.siteNodes(site)
        siteNodesText = StructuredData.siteNodesText(siteNodes)
    }

    typealias Context = TemplateValues

    /// `security.csp`: the pages' Content-Security-Policy, the same as the nginx recipe's
    /// header. Written into the templates before rendering; looked up only in a template
    /// that changes its delimiters.
    static let security = TextValues(["csp": SecurityPolicy.contentSecurityPolicy])

    /// The entries of each section list, in order.
    static func sections(of site: Site, format: Formatter) -> [ContentKind: [ListedEntry]] {
        [
            .news: site.news.map { ListedEntry($0.item, url: $0.url, date: $0.fields.date) },
            .event: site.events.map { ListedEntry($0.item, url: $0.url, date: $0.fields.start.date) },
            .decree: site.decrees.map { decree in
                let status = format.text("decree_status_" + decree.status.rawValue)
                return ListedEntry(decree.item, url: decree.url, date: decree.fields.date, summary: "\(decree.fields.number.value) · \(status)"
                    + (decree.item.common.summary.map { " · " + $0 } ?? ""))
            },
            .statistics: site.datasets.map { ListedEntry($0.item, url: $0.url, date: nil, summary: $0.fields.description) },
        ]
    }

    /// The same builder after a text-only edit: lists, JSON-LD nodes and the shared parts
    /// depend on fields only, so they are kept.
    func rebuilt(bodies: [String: RenderedMarkdown], site: Site) -> ContextBuilder {
        var copy = self
        copy.bodies = bodies
        copy.site = site
        return copy
    }

    /// Drops nil values so that templates treat them as absent.
    static func compact(_ values: KeyValuePairs<String, Any?>) -> Context {
        TemplateValues(compacting: values)
    }

    // MARK: Every page

    /// What a page tells search engines and link previews beyond its title.
    struct Sharing {
        /// OpenGraph type: `website` or `article`.
        var type = "website"
        var image: SharedImage?
        var imageAlt: String?
        /// The page's own schema.org node.
        var structured: JSONValue?
    }

    func page(title: String, url: String, description: String?, kind: String, extra: Context, sharing: Sharing = Sharing()) -> Context {
        let base = site.config.baseURL
        let description = description ?? site.config.tagline ?? site.config.title
        let structured = sharing.structured ?? StructuredData.webPage(
            type: kind == "home" ? "WebPage" : ["section", "tag", "region", "index"].contains(kind) ? "CollectionPage" : "WebPage",
            url: url, title: title, description: description, site: site)
        let menuState = MenuState(menu: site.menu, url: url)
        var chrome = chrome
        chrome["header"] = headers?.html(for: menuState)
        var context: Context = [
            "lang": site.config.language,
            "t": format.strings,
            "site": siteValues,
            "menu": menu(menuState),
            "hotlines": hotlines,
            "chrome": chrome,
            "security": Self.security,
            "page": Self.compact([
                "title": title, "url": url, "canonical": base + url, "kind": kind,
                "description": description, "isHome": url == SiteAddress.home, "isSearch": url == SiteAddress.search,
                "ogType": sharing.type, "ogLocale": site.config.language == "en" ? "en_US" : "id_ID",
                "image": sharing.image.map { base + $0.url }, "imageAlt": sharing.imageAlt,
                "imageWidth": sharing.image?.width.map(String.init), "imageHeight": sharing.image?.height.map(String.init),
                "imageType": sharing.image?.type,
                "jsonLD": StructuredData.scriptText(siteNodesText: siteNodesText, page: structured),
            ]),
        ]
        context.merge(extra) { _, new in new }
        return context
    }

    func menu(_ state: MenuState) -> [MenuEntryValues] {
        zip(site.menu, state.current).map { entry, current in MenuEntryValues(title: entry.title, url: entry.url, current: current) }
    }

    /// What `partials/site-header.mustache` sees: the values every page shares and the menu
    /// in one state, with `page.isHome` and `page.isSearch`; not the page's own values.
    func headerValues(_ state: MenuState) -> Context {
        [
            "lang": site.config.language, "t": format.strings, "site": siteValues, "menu": menu(state),
            "hotlines": hotlines, "page": ["isHome": state.isHome, "isSearch": state.isSearch] as Context,
        ]
    }

    static func hotlines(_ site: Site) -> [TextValues] {
        let list = site.config.hotlines.isEmpty ? [SiteConfig.defaultHotline] : site.config.hotlines
        return list.map { hotline in
            TextValues([
                "name": hotline.name, "phone": hotline.phone, "phoneHref": hotline.phone.map(Self.telephoneHref),
                "whatsapp": hotline.whatsapp, "whatsappHref": hotline.whatsapp.map(Self.whatsappHref),
                "url": hotline.url, "hours": hotline.hours,
            ])
        }
    }

    /// `tel:129`
    static func telephoneHref(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }

    /// `https://wa.me/628111129129` from `08111-129-129`.
    static func whatsappHref(_ number: String) -> String {
        var digits = number.filter(\.isNumber)
        if digits.hasPrefix("0") { digits = "62" + digits.dropFirst() }
        return "https://wa.me/" + digits
    }

    // MARK: Pieces

    func link(_ link: EntryLink) -> Context {
        Self.compact(["title": link.title, "url": link.url, "detail": link.detail])
    }

    func entry(_ entry: ListedEntry) -> Context {
        var values = entryFields(entry)
        values["html"] = entryHTML[entry]
        return values
    }

    /// An entry of a list page: its HTML rendered once for the whole site, and its fields
    /// for a theme whose `entries` partial shows them itself.
    func listEntry(_ entry: ListedEntry) -> ListEntryValues {
        ListEntryValues(entry: entry, html: entryHTML[entry], firstParagraph: bodies[entry.file]?.firstParagraph, format: format)
    }

    /// What `partials/entry.mustache` shows of an entry.
    func entryFields(_ entry: ListedEntry) -> Context {
        let values = listEntry(entry)
        var fields = TemplateValues()
        for name in ListEntryValues.fieldNames {
            if let value = values.child(named: name) { fields[name] = value }
        }
        return fields
    }

    func body(of item: ContentItem) -> RenderedMarkdown? { bodies[item.file] }

    func summary(of item: ContentItem) -> String? {
        item.common.summary ?? bodies[item.file].map { Self.shorten($0.firstParagraph, to: 220) }
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        // No more bytes than the limit means no more characters: no need to count them.
        guard text.utf8.count > limit else { return text }
        // ASCII without carriage returns has one character per byte: cut by bytes, read in
        // place. (Also a case of the scalar path below, which takes twice the instructions
        // for it; reading the bytes through the string's UTF-8 view took three times.)
        var contiguous = text
        let asciiCut = contiguous.withUTF8 { bytes -> String? in
            for index in 0...limit where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
            var end = limit
            for index in stride(from: limit - 1, through: 0, by: -1) where bytes[index] == UInt8(ascii: " ") {
                end = index
                break
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) + "…"
        }
        if let asciiCut { return asciiCut }
        // Text whose scalars are each a character of their own: cut by scalars; other text
        // by characters.
        return shortenByScalars(text, to: limit) ?? shortenByCharacters(text, to: limit)
    }

    /// `shorten` counting characters (grapheme clusters): right for any text, and slow.
    static func shortenByCharacters(_ text: String, to limit: Int) -> String {
        let cut = text.prefix(limit)
        guard cut.endIndex < text.endIndex else { return text }
        let trimmed = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(trimmed) + "…"
    }

    /// `shorten` counting scalars, when each of the first `limit + 1` scalars is a character
    /// of its own (then there are as many characters as scalars, and the same places to
    /// cut); nil otherwise.
    static func shortenByScalars(_ text: String, to limit: Int) -> String? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var count = 0
        var end = index
        var lastSpace: String.Index?
        while index < scalars.endIndex && count <= limit {
            let scalar = scalars[index]
            guard isCharacterOfItsOwn(scalar) else { return nil }
            if count < limit && scalar == " " { lastSpace = index }
            count += 1
            index = scalars.index(after: index)
            if count == limit { end = index }
        }
        guard count > limit else { return text }
        return String(text[..<(lastSpace ?? end)]) + "…"
    }

    /// A scalar that is a character by itself whatever stands beside it, as long as its
    /// neighbours are such scalars too: Latin letters and signs below U+0300 but the
    /// carriage return (which joins a line feed), and the punctuation of U+2010–U+2027 and
    /// U+2030–U+205E (quotes, dashes, the ellipsis), none of which joins, extends or is
    /// extended (Unicode's grapheme cluster rules).
    static func isCharacterOfItsOwn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: return false
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E: return true
        default: return false
        }
    }

    func common(_ item: ContentItem) -> Context {
        let region = item.common.region.flatMap { site.region($0.value) }
        return Self.compact([
            "title": item.title, "summary": summary(of: item), "draft": item.common.draft,
            "updated": item.common.updated.map(format.date), "updatedISO": item.common.updated?.description,
            "body": body(of: item)?.html,
            "tagList": item.common.tags.isEmpty ? nil : ["items": item.common.tags.map { tag -> Context in
                ["name": tag.value, "url": SiteAddress.tag(Slug.make(from: tag.value))]
            }] as Context,
            "region": region.map { ["name": $0.name, "url": SiteAddress.region($0.urlSegment)] as Context },
            "image": item.common.image.flatMap { SitePath.mediaPath($0.value) }.map { path -> Context in
                let alt = item.common.imageAlt ?? ""
                return site.library.plans[path].map { ImageMarkup.values($0, alt: alt) } ?? ["src": SiteAddress.media(path), "alt": alt]
            },
        ])
    }

    /// A list of links wrapped as `{items: [...]}`, or nil when empty, so that a template
    /// can write a heading only when there is something under it.
    func links(_ list: [EntryLink]) -> Context? {
        list.isEmpty ? nil : ["items": list.map(link)]
    }
}
