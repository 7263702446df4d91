/// `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`. Past 50,000 addresses, the sitemap
/// becomes an index of numbered sitemaps, as the protocol requires.
enum Sitemap {
    struct Entry: Equatable {
        var url: String
        var lastModified: CivilDate?
    }

    static let limit = 50_000

    /// Every page a search engine should know, in a stable order: no redirects, no 404.
    static func entries(_ site: Site) -> [Entry] {
        func updated(_ item: ContentItem, _ date: CivilDate?) -> CivilDate? {
            [item.common.updated, date].compactMap { $0 }.max()
        }
        var entries: [Entry] = []
        let newest = [site.news.first?.fields.date, site.decrees.map(\.fields.date).max()].compactMap { $0 }.max()
        entries.append(Entry(url: SiteAddress.home, lastModified: newest))
        let perPage = site.config.perPage
        func list(_ base: String, _ dates: [CivilDate?]) {
            let pages = ContextBuilder.pageCount(dates.count, perPage: perPage)
            for page in 1...pages {
                let slice = dates.dropFirst((page - 1) * perPage).prefix(perPage).compactMap { $0 }
                entries.append(Entry(url: SiteAddress.page(page, of: base), lastModified: slice.max()))
            }
        }
        list(SiteAddress.section(.news), site.news.map { updated($0.item, $0.fields.date) })
        list(SiteAddress.section(.event), site.events.map { updated($0.item, $0.fields.start.date) })
        list(SiteAddress.section(.decree), site.decrees.map { updated($0.item, $0.fields.date) })
        list(SiteAddress.section(.statistics), site.datasets.map { $0.item.common.updated })
        entries += site.news.map { Entry(url: $0.url, lastModified: updated($0.item, $0.fields.date)) }
        entries += site.events.map { Entry(url: $0.url, lastModified: updated($0.item, $0.fields.start.date)) }
        entries += site.decrees.map { Entry(url: $0.url, lastModified: updated($0.item, $0.fields.date)) }
        entries += site.datasets.map { Entry(url: $0.url, lastModified: $0.item.common.updated) }
        entries += site.pages.map { Entry(url: $0.url, lastModified: $0.item.common.updated) }
        entries.append(Entry(url: SiteAddress.tags, lastModified: nil))
        for tag in site.tags { list(tag.url, tag.entries.map(\.date)) }
        entries.append(Entry(url: SiteAddress.regions, lastModified: nil))
        for region in site.regionListings { list(region.url, region.entries.map(\.date)) }
        entries.append(Entry(url: SiteAddress.search, lastModified: nil))
        entries.append(Entry(url: SiteAddress.data, lastModified: nil))
        if let network = site.network {
            // The network's own pages (the records' addresses belong to their sites).
            entries += [SiteAddress.network, SiteAddress.networkDecrees].map { Entry(url: $0, lastModified: nil) }
            entries += network.provinces.map { Entry(url: $0.url, lastModified: nil) }
            let pages = ContextBuilder.pageCount(network.events.count, perPage: Network.eventsPerPage)
            entries += (1...pages).map { Entry(url: SiteAddress.page($0, of: SiteAddress.networkEvents), lastModified: nil) }
        }
        // A page without a date of its own (an index, an undated page) changes with the
        // site: it carries the date of the newest content.
        let siteDate = entries.compactMap(\.lastModified).max()
        return entries.map { Entry(url: $0.url, lastModified: $0.lastModified ?? siteDate) }
    }

    /// The sitemap files: one `sitemap.xml`, or an index and `sitemap-N.xml` parts.
    static func files(_ site: Site, limit: Int = limit) -> [OutputFile] {
        let base = site.config.baseURL
        let all = entries(site)
        guard all.count > limit else { return [OutputFile(url: SiteAddress.sitemap, text: urlSet(all, base: base))] }
        var files: [OutputFile] = []
        var index = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"]
        for (number, start) in stride(from: 0, to: all.count, by: limit).enumerated() {
            let part = Array(all[start..<min(start + limit, all.count)])
            let address = SiteAddress.sitemap(part: number + 1)
            files.append(OutputFile(url: address, text: urlSet(part, base: base)))
            var line = "<sitemap>" + XMLText.element("loc", base + address)
            if let newest = part.compactMap(\.lastModified).max() { line += XMLText.element("lastmod", newest.description) }
            index.append(line + "</sitemap>")
        }
        index.append("</sitemapindex>")
        files.append(OutputFile(url: SiteAddress.sitemap, text: index.joined(separator: "\n") + "\n"))
        return files
    }

    static func urlSet(_ entries: [Entry], base: String) -> String {
        // One text grown in place (a line per page; building each line, then joining them,
        // made every byte twice).
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        text.reserveCapacity(text.utf8.count + entries.count * (base.utf8.count + 96) + 16)
        for entry in entries {
            text += "<url>"
            text += XMLText.element("loc", base + entry.url)
            if let date = entry.lastModified { text += XMLText.element("lastmod", date.description) }
            text += "</url>\n"
        }
        text += "</urlset>\n"
        return text
    }

    static func robots(_ site: Site) -> String {
        "User-agent: *\nAllow: \(SiteAddress.home)\nDisallow: \(SiteAddress.admin)\n\nSitemap: \(site.config.baseURL)\(SiteAddress.sitemap)\n"
    }
}
