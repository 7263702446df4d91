/// The network's feeds and open data: `/jaringan/kalender.ics`, `/jaringan/feed.xml`,
/// `/data/jaringan/regulasi.json` and `/data/jaringan/kegiatan.json`. Every text is the
/// sources' and is escaped for its format.
enum NetworkFiles {
    /// The four files, each its own render job (they are the longest of a network's).
    enum File: Sendable, Hashable, CaseIterable {
        case calendar, feed, decrees, events
    }

    static func file(_ file: File, network: Network, site: Site, builder: ContextBuilder) -> OutputFile {
        switch file {
        case .calendar: return OutputFile(url: SiteAddress.networkCalendar, text: calendar(network, site: site, format: builder.format))
        case .feed: return OutputFile(url: SiteAddress.networkFeed, text: AtomFeed.xml(feed(network, site: site, builder: builder), site: site))
        case .decrees: return OutputFile(url: SiteAddress.networkDecreesData, data: decrees(network, builder: builder).encoded(pretty: true))
        case .events: return OutputFile(url: SiteAddress.networkEventsData, data: events(network).encoded(pretty: true))
        }
    }

    /// Every upcoming event, in UTC (the sources' zones differ).
    static func calendar(_ network: Network, site: Site, format: Formatter) -> String {
        let name = site.config.title + " · " + format.text("network_events_title")
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gugus//Gugus static site generator//ID", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendar.text(name),
        ]
        for event in network.events {
            let record = event.record
            let member = network.members[event.member]
            let host = NetworkSource.host(of: record.url) ?? "gugus"
            lines += ["BEGIN:VEVENT", "UID:" + ICalendar.text("\(record.id)@\(host)"), "DTSTAMP:" + site.now.compact + "T000000Z"]
            if record.start.minutes != nil {
                lines.append("DTSTART:" + record.start.utcStamp)
                if let end = record.end { lines.append("DTEND:" + (end.minutes != nil ? end.utcStamp : end.date.nextDay.compact)) }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + record.start.date.compact)
                lines.append("DTEND;VALUE=DATE:" + (record.end?.date ?? record.start.date).nextDay.compact)
            }
            lines.append("SUMMARY:" + ICalendar.text(record.title))
            if let location = record.location { lines.append("LOCATION:" + ICalendar.text(location)) }
            lines.append("DESCRIPTION:" + ICalendar.text([member.title, record.regionName].compactMap { $0 }.joined(separator: " · ")))
            // A URI value is written as it is (RFC 5545 3.3.13); the address was checked
            // (http(s), the source's host, no spaces or control characters).
            lines.append("URL:" + record.url)
            let status = record.status ?? "scheduled"
            lines.append("STATUS:" + (status == "cancelled" ? "CANCELLED" : status == "postponed" ? "TENTATIVE" : "CONFIRMED"))
            lines.append("CATEGORIES:" + ICalendar.text(record.kind))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The soonest upcoming events; an entry's date is its start, in the site's zone.
    static func feed(_ network: Network, site: Site, builder: ContextBuilder) -> AtomFeed.Feed {
        let offset = site.config.zoneOffsetMinutes
        let entries = network.events.prefix(AtomFeed.entryLimit).map { event -> AtomFeed.Entry in
            let record = event.record
            let member = network.members[event.member]
            var summary = builder.remoteSpan(record.start, record.end)
            if let location = record.location { summary += " · " + location }
            if let region = record.regionName { summary += " · " + region }
            let start = record.start.local(at: offset)
            return AtomFeed.Entry(
                title: record.title, url: record.url, published: start, updated: start,
                author: member.isSelf ? nil : member.title, summary: summary, html: "",
                categories: [builder.format.strings["event_kind_" + record.kind] ?? record.kind])
        }
        return AtomFeed.Feed(title: site.config.title + " · " + builder.format.text("network_events_title"), subtitle: nil,
                             path: SiteAddress.networkFeed, pageURL: SiteAddress.networkEvents, entries: Array(entries))
    }

    static func decrees(_ network: Network, builder: ContextBuilder) -> JSONValue {
        var records: [JSONValue] = []
        records.reserveCapacity(network.decrees.count)
        for province in network.provinces {
            let provinceName = builder.provinceName(province)
            for area in province.areas {
                for position in area.decrees {
                    let decree = network.decrees[position]
                    let record = decree.record
                    let member = network.members[decree.member]
                    records.append(.recordWithNulls([
                        "noPeraturan": .string(record.number), "judul": .string(record.title), "jenis": .text(record.kind),
                        "tanggal_penetapan": .string(record.date.description), "tahun_pengundangan": .string(String(record.date.year)),
                        "status": .text(record.status), "kodeWilayah": .text(area.code.isEmpty ? nil : area.code),
                        "wilayah": .text(area.code.isEmpty ? nil : area.name), "provinsi": .string(provinceName),
                        "tempatTerbit": .text(record.place), "teuBadan": .text(record.issuer), "urlDetailPeraturan": .string(record.url),
                        "sumberJaringan": .text(member.isSelf ? nil : member.name), "situsSumber": .string(member.url),
                    ]))
                }
            }
        }
        return .array(records)
    }

    static func events(_ network: Network) -> JSONValue {
        .array(network.events.map { event in
            let record = event.record
            let member = network.members[event.member]
            return .recordWithNulls([
                "id": .string(record.id), "judul": .string(record.title), "jenis": .string(record.kind),
                "mulai": .string(record.start.rfc3339), "selesai": .text(record.end?.rfc3339), "lokasi": .text(record.location),
                "kodeWilayah": .text(record.regionCode), "wilayah": .text(record.regionName), "status": .text(record.status),
                "penyelenggara": .text(record.organizer), "url": .string(record.url),
                "sumberJaringan": .text(member.isSelf ? nil : member.name), "situsSumber": .string(member.url),
            ])
        })
    }
}

extension RemoteTime {
    /// `2024-07-25T09:00:00+08:00` in the event's own zone, or `2024-07-25` for a whole day.
    var rfc3339: String {
        guard let minutes else { return date.description }
        return "\(date)T\(CivilDate.pad(minutes / 60, 2)):\(CivilDate.pad(minutes % 60, 2)):00" + TimeZoneInfo.offsetText(seconds: offset * 60)
    }

    /// The same moment as a date and time in a zone `offset` minutes east of UTC (a whole
    /// day stays that day).
    func local(at zoneOffset: Int) -> LocalDateTime {
        guard minutes != nil else { return LocalDateTime(date: date) }
        let total = instant + zoneOffset
        let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
        return LocalDateTime(date: CivilDate(dayNumber: days), minutes: total - days * 1440)
    }
}
