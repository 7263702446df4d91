/// The network pages (`/jaringan/`): the members, their decrees by province, their
/// upcoming events. Every record links to its official page on its own site.
extension ContextBuilder {
    func networkDirectory(_ network: Network) -> Context {
        let members = network.members.map { member -> Context in
            Self.compact([
                "title": member.title, "url": member.url, "region": member.regionName ?? member.regionCode,
                "isSelf": member.isSelf, "decreeCount": String(member.decreeCount), "eventCount": String(member.eventCount),
                "fetched": member.fetched.flatMap { CivilDate(iso: $0.prefix(10)) }.map(format.date),
                "notFetched": !member.isSelf && !member.hasSnapshot,
                "hotlineList": member.hotlines.isEmpty ? nil : ["items": member.hotlines.map { hotline -> Context in
                    Self.compact([
                        "name": hotline.name, "phone": hotline.phone, "phoneHref": hotline.phone.map(Self.telephoneHref),
                        "whatsapp": hotline.whatsapp, "whatsappHref": hotline.whatsapp.map(Self.whatsappHref), "hours": hotline.hours,
                    ])
                }] as Context,
            ])
        }
        return page(title: format.text("network_title"), url: SiteAddress.network, description: format.text("network_intro"), kind: "network",
                    extra: ["network": ["directory": ["members": members] as Context, "links": networkLinks()] as Context])
    }

    func networkDecreeIndex(_ network: Network) -> Context {
        let provinces = network.provinces.map { province -> Context in
            [
                "title": provinceName(province), "url": province.url, "count": String(province.decreeCount),
                "areas": province.areas.map { ["title": $0.name, "count": String($0.decrees.count)] as Context },
            ]
        }
        return page(title: format.text("network_decrees_title"), url: SiteAddress.networkDecrees, description: format.text("network_decrees_intro"),
                    kind: "network", extra: ["network": ["decreeIndex": ["provinces": provinces, "total": String(network.decrees.count)] as Context,
                                                         "links": networkLinks()] as Context])
    }

    /// `render` draws one entry with a partial (`network-decree`): each entry is drawn from
    /// its own values alone, so that the template engine never searches the page's values
    /// for a field an entry lacks (tens of thousands of entries on a national site).
    func networkProvince(_ network: Network, _ index: Int, render: @escaping (Context, String) -> String) -> Context {
        let province = network.provinces[index]
        let name = provinceName(province)
        var stamp = EntryStamp(template: "network-decree", fields: ["number", "title", "url", "kind", "date", "dateISO", "status", "source"],
                               render: render)
        let areas = province.areas.map { area -> Context in
            [
                "title": area.name, "code": area.code, "count": String(area.decrees.count),
                "decrees": area.decrees.map { position -> Context in
                    let decree = network.decrees[position]
                    let record = decree.record
                    let member = network.members[decree.member]
                    let values = [
                        "number": record.number, "title": record.title, "url": record.url, "kind": record.kind,
                        "date": format.date(record.date), "dateISO": record.date.description, "status": record.status,
                        "source": member.isSelf ? format.text("network_this_site") : member.title,
                    ].compactMapValues { $0 }
                    return ["html": stamp.draw(values)] as Context
                },
            ]
        }
        let heading = format.text("network_province_heading").replacingOccurrences(of: "{province}", with: name)
        return page(title: heading, url: province.url, description: format.text("network_decrees_intro"), kind: "network",
                    extra: ["network": ["province": ["heading": heading, "areas": areas, "count": String(province.decreeCount)] as Context,
                                        "links": networkLinks()] as Context])
    }

    func networkEvents(_ network: Network, page number: Int, render: @escaping (Context, String) -> String) -> Context {
        let pagination = Pagination(number: number, total: Self.pageCount(network.events.count, perPage: Network.eventsPerPage),
                                    baseURL: SiteAddress.networkEvents)
        let slice = network.events.dropFirst((number - 1) * Network.eventsPerPage).prefix(Network.eventsPerPage)
        // Grouped by the month of their start.
        var months: [Context] = []
        var current: (year: Int, month: Int)?
        var entries: [Context] = []
        var stamp = EntryStamp(template: "network-event", fields: ["title", "url", "when", "startISO", "kind", "location", "region", "status", "source"],
                               render: render)
        func close() {
            guard let current else { return }
            months.append(["heading": "\(format.monthName(current.month)) \(current.year)", "events": entries])
            entries = []
        }
        for event in slice {
            let record = event.record
            let month = (year: record.start.date.year, month: record.start.date.month)
            if current.map({ $0 != month }) ?? true {
                close()
                current = month
            }
            let member = network.members[event.member]
            let status = record.status.flatMap { $0 == "scheduled" ? nil : format.strings["event_status_" + $0] ?? $0 }
            let values = [
                "title": record.title, "url": record.url, "when": remoteSpan(record.start, record.end),
                "startISO": record.start.date.description, "kind": format.strings["event_kind_" + record.kind] ?? record.kind,
                "location": record.location, "region": record.regionName ?? record.regionCode, "status": status,
                "source": member.isSelf ? format.text("network_this_site") : member.title,
            ].compactMapValues { $0 }
            entries.append(["html": stamp.draw(values)])
        }
        close()
        var title = format.text("network_events_title")
        if number > 1 { title += " – " + format.text("page_n").replacingOccurrences(of: "{n}", with: String(number)) }
        var values: Context = ["months": months, "isEmpty": network.events.isEmpty, "total": String(network.events.count)]
        if let pages = paginationValues(pagination) { values["pagination"] = pages }
        return page(title: title, url: pagination.url, description: format.text("network_events_intro"), kind: "network",
                    extra: ["network": ["events": values, "links": networkLinks()] as Context])
    }

    /// `Kamis, 25 Juli 2024, 09:00 WITA` in the event's own zone.
    func remoteSpan(_ start: RemoteTime, _ end: RemoteTime?) -> String {
        var text = format.dateWithWeekday(start.date)
        if let time = start.local.timeText { text += ", \(time)" }
        if let end {
            if end.date == start.date {
                if let time = end.local.timeText { text += "–\(time)" }
            } else {
                text += " – " + format.dateWithWeekday(end.date)
                if let time = end.local.timeText { text += ", \(time)" }
            }
        }
        if start.minutes != nil { text += " " + start.zoneLabel }
        return text
    }

    func provinceName(_ province: Network.Province) -> String {
        if province.code == "ID" { return format.text("network_national") }
        if province.code.isEmpty { return format.text("network_unknown_province") }
        return province.name ?? province.code
    }

    /// The network's other pages and files, for every network page.
    func networkLinks() -> [Context] {
        [
            ["title": format.text("network_title"), "url": SiteAddress.network],
            ["title": format.text("network_decrees_title"), "url": SiteAddress.networkDecrees],
            ["title": format.text("network_events_title"), "url": SiteAddress.networkEvents],
            ["title": format.text("network_calendar"), "url": SiteAddress.networkCalendar],
            ["title": format.text("network_feed"), "url": SiteAddress.networkFeed],
            ["title": format.text("network_data"), "url": SiteAddress.networkDataSection],
        ]
    }
}
