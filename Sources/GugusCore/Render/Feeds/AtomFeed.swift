import Foundation

/// Atom 1.0 feeds (RFC 4287): news at `/feed.xml`, events at `/kegiatan/feed.xml`.
enum AtomFeed {
    /// The newest entries a feed carries; older ones stay on the site and in the sitemap.
    static let entryLimit = 50

    struct Entry {
        var title: String
        var url: String
        var published: LocalDateTime
        var updated: LocalDateTime
        var author: String?
        var summary: String?
        var html: String
        var categories: [String]
        /// The item's picture, as an enclosure.
        var image: SharedImage? = nil
    }

    struct Feed {
        var title: String
        var subtitle: String?
        /// Site path of the feed file and of the HTML page it follows.
        var path: String
        var pageURL: String
        var entries: [Entry]
    }

    static func news(_ site: Site, builder: ContextBuilder) -> Feed {
        let entries = site.news.prefix(entryLimit).map { news in
            let date = LocalDateTime(date: news.fields.date)
            return Entry(
                title: news.item.title, url: news.url, published: date,
                updated: news.item.common.updated.map { LocalDateTime(date: max($0, news.fields.date)) } ?? date,
                author: news.fields.author, summary: builder.summary(of: news.item),
                html: builder.body(of: news.item)?.html ?? "", categories: news.item.common.tags.map(\.value),
                image: site.sharedImage(of: news.item))
        }
        return Feed(title: site.config.title + " · " + builder.format.text("section_news"), subtitle: site.config.tagline,
                    path: SiteAddress.newsFeed, pageURL: SiteAddress.section(.news), entries: Array(entries))
    }

    /// Events, the most recently started first; an entry's date is its start.
    static func events(_ site: Site, builder: ContextBuilder) -> Feed {
        let sorted = site.events.sorted { ($0.fields.start, $0.item.slug) > ($1.fields.start, $1.item.slug) }
        let entries = sorted.prefix(entryLimit).map { event in
            let fields = event.fields
            var summary = builder.format.span(fields.start, fields.end)
            if let location = fields.location { summary += " · " + location }
            if fields.status != "scheduled" { summary = builder.format.text("event_status_" + fields.status) + " · " + summary }
            if let text = builder.summary(of: event.item) { summary += ". " + text }
            let start = LocalDateTime(date: fields.start.date, minutes: fields.start.minutes)
            return Entry(
                title: event.item.title, url: event.url, published: start,
                updated: event.item.common.updated.map { LocalDateTime(date: $0) } ?? start,
                author: fields.organizer, summary: summary, html: builder.body(of: event.item)?.html ?? "",
                categories: [builder.format.text("event_kind_" + fields.kind)] + event.item.common.tags.map(\.value),
                image: site.sharedImage(of: event.item))
        }
        return Feed(title: site.config.title + " · " + builder.format.text("section_event"), subtitle: site.config.tagline,
                    path: SiteAddress.eventFeed, pageURL: SiteAddress.section(.event), entries: Array(entries))
    }

    static func xml(_ feed: Feed, site: Site) -> String {
        let base = site.config.baseURL
        let zone = site.config.timeZone
        let publisher = site.config.organization?.name ?? site.config.title
        let newest = feed.entries.map(\.updated).max() ?? LocalDateTime(date: site.now)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(site.config.language))\">",
            XMLText.element("title", feed.title),
        ]
        if let subtitle = feed.subtitle { lines.append(XMLText.element("subtitle", subtitle)) }
        lines += [
            XMLText.element("id", base + feed.path),
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base + feed.path))\"/>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(base + feed.pageURL))\"/>",
            XMLText.element("updated", Timestamp.rfc3339(newest, zone: zone)),
            "<author>" + XMLText.element("name", publisher) + (site.config.organization?.email.map { XMLText.element("email", $0) } ?? "") + "</author>",
            "<generator>Gugus</generator>",
        ]
        for entry in feed.entries {
            lines.append("<entry>")
            lines.append(XMLText.element("title", entry.title))
            // (The network feed's entries are on other sites: their addresses are absolute.)
            let address = entry.url.hasPrefix("/") ? base + entry.url : entry.url
            lines.append(XMLText.element("id", address))
            lines.append("<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(address))\"/>")
            if let image = entry.image {
                lines.append("<link rel=\"enclosure\" type=\"\(XMLText.escape(image.type))\" href=\"\(XMLText.escape(base + image.url))\"/>")
            }
            lines.append(XMLText.element("published", Timestamp.rfc3339(entry.published, zone: zone)))
            lines.append(XMLText.element("updated", Timestamp.rfc3339(entry.updated, zone: zone)))
            lines.append("<author>" + XMLText.element("name", entry.author ?? publisher) + "</author>")
            for category in entry.categories { lines.append("<category term=\"\(XMLText.escape(category))\"/>") }
            if let summary = entry.summary { lines.append(XMLText.element("summary", summary)) }
            lines.append(XMLText.element("content", absolutize(entry.html, base: base), attributes: " type=\"html\""))
            lines.append("</entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Feed readers show content away from the site: root-relative links become absolute.
    static func absolutize(_ html: String, base: String) -> String {
        let linked = html.replacingOccurrences(of: "(href|src)=\"/(?!/)", with: "$1=\"\(base)/", options: .regularExpression)
        guard ByteSearch.contains(linked, " srcset=\"") else { return linked }
        // Each candidate of a `srcset` (`/media/x-480w.….webp 480w, …`).
        var result = ""
        var rest = linked[...]
        while let start = rest.range(of: " srcset=\"") {
            result += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            result += rest[..<end].split(separator: ",", omittingEmptySubsequences: false).map { candidate -> String in
                let trimmed = candidate.drop { $0 == " " }
                let space = String(candidate.prefix(candidate.count - trimmed.count))
                return trimmed.hasPrefix("/") && !trimmed.hasPrefix("//") ? space + base + trimmed : String(candidate)
            }.joined(separator: ",")
            rest = rest[end...]
        }
        return result + rest
    }
}
