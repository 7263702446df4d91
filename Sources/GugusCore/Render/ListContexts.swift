/// Home, section lists with pagination, tag and region pages.
extension ContextBuilder {
    struct Pagination {
        var number: Int
        var total: Int
        var baseURL: String

        func url(of page: Int) -> String { SiteAddress.page(page, of: baseURL) }
        var url: String { url(of: number) }
    }

    static func pageCount(_ count: Int, perPage: Int) -> Int { max(1, (count + perPage - 1) / perPage) }

    /// The page numbers a list shows: the first, the last and two around the current one,
    /// with nil for a gap (`1 … 6 7 [8] 9 10 … 700`). Listing all 700 on each of 700 pages
    /// made a large site's lists grow with the square of its size.
    static func pageWindow(current: Int, total: Int) -> [Int?] {
        var numbers: [Int?] = []
        var previous = 0
        for number in 1...max(1, total) where number == 1 || number == total || abs(number - current) <= 2 {
            if number > previous + 1 { numbers.append(nil) }
            numbers.append(number)
            previous = number
        }
        return numbers
    }

    func list(
        heading: String, intro: String?, entries: [ListedEntry], pagination: Pagination, kind: String, extra: Context = [:]
    ) -> Context {
        let perPage = site.config.perPage
        let slice = entries.dropFirst((pagination.number - 1) * perPage).prefix(perPage)
        var title = heading
        if pagination.number > 1 {
            title += " – " + format.text("page_n").replacingOccurrences(of: "{n}", with: String(pagination.number))
        }
        var values: Context = Self.compact([
            "heading": heading, "intro": intro, "entries": slice.map(listEntry), "isEmpty": entries.isEmpty,
        ])
        if let pages = paginationValues(pagination) { values["pagination"] = pages }
        values.merge(extra) { _, new in new }
        return page(title: title, url: pagination.url, description: intro, kind: kind, extra: ["list": values])
    }

    /// The values of the pagination partial, or nil for a list of one page.
    func paginationValues(_ pagination: Pagination) -> Context? {
        guard pagination.total > 1 else { return nil }
        return Self.compact([
            "current": String(pagination.number), "total": String(pagination.total),
            "prev": pagination.number > 1 ? pagination.url(of: pagination.number - 1) : nil,
            "next": pagination.number < pagination.total ? pagination.url(of: pagination.number + 1) : nil,
            "pages": Self.pageWindow(current: pagination.number, total: pagination.total).map { number -> Context in
                guard let number else { return ["gap": true] }
                // `gap` written out, false: a missing value is looked up in every
                // enclosing section before it counts as absent.
                return ["number": String(number), "url": pagination.url(of: number), "current": number == pagination.number, "gap": false]
            },
        ])
    }

    func home() -> Context {
        let latestNews = site.news.prefix(5).map { ListedEntry($0.item, url: $0.url, date: $0.fields.date) }
        let upcoming = site.events.filter { ($0.fields.end ?? $0.fields.start).date >= site.now }.prefix(5)
        let inForce = site.decrees.filter { $0.status != .revoked }.prefix(5)
        let values: Context = Self.compact([
            "news": latestNews.isEmpty ? nil : latestNews.map(entry),
            "events": upcoming.isEmpty ? nil : upcoming.map { event -> Context in
                var values = entry(ListedEntry(event.item, url: event.url, date: event.fields.start.date))
                values["when"] = format.span(event.fields.start, event.fields.end)
                values["location"] = event.fields.location
                values["statusLabel"] = event.fields.status == "scheduled" ? nil : format.text("event_status_" + event.fields.status)
                return values
            },
            "decrees": inForce.isEmpty ? nil : inForce.map { decree -> Context in
                var values = entry(ListedEntry(decree.item, url: decree.url, date: decree.fields.date))
                values["number"] = decree.fields.number.value
                values["statusLabel"] = format.text("decree_status_" + decree.status.rawValue)
                return values
            },
            "figures": keyFigures.isEmpty ? nil : keyFigures,
            "chart": site.datasets.lazy.compactMap { dataset -> Context? in
                guard var chart = self.chart(dataset, id: "grafik-beranda") else { return nil }
                chart["title"] = dataset.item.title
                chart["url"] = dataset.url
                return chart
            }.first,
            "pages": site.pages.filter { $0.fields.menu != nil }.map { ["title": $0.item.title, "url": $0.url] as Context },
        ])
        return page(title: site.config.title, url: SiteAddress.home, description: site.config.tagline, kind: "home", extra: ["home": values])
    }

    /// The latest value of each dataset's first series.
    var keyFigures: [Context] {
        site.datasets.prefix(4).compactMap { dataset -> Context? in
            let fields = dataset.fields
            guard let series = fields.series.first, let column = fields.table.column(series),
                let xColumn = fields.table.column(fields.x), let last = column.indices.last(where: { !column[$0].isEmpty })
            else { return nil }
            return Self.compact([
                "value": format.number(column[last]), "label": dataset.item.title,
                "detail": "\(series) · \(fields.x) \(xColumn[last])", "unit": fields.unit, "url": dataset.url,
            ])
        }
    }
}
