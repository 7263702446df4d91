/// Resolve, for the network pages: this site's own decrees and events beside the sources'
/// records, duplicates reported and listed once, decrees grouped by province and region.
enum NetworkResolver {
    static func resolve(_ site: Site, snapshots: [SourceSnapshot], diagnostics: inout DiagnosticLog) -> Network? {
        guard !site.config.sources.isEmpty else { return nil }
        let config = site.config
        let base = config.baseURL
        let offset = config.zoneOffsetMinutes

        // This site first.
        let ownRegion = config.organization?.region?.value
        var members = [Network.Member(
            name: "", title: config.organization?.name ?? config.title, url: base + SiteAddress.home, regionCode: ownRegion,
            regionName: ownRegion.flatMap { site.region($0)?.name },
            hotlines: (config.hotlines.isEmpty ? [SiteConfig.defaultHotline] : config.hotlines).map {
                RemoteSite.Hotline(name: $0.name, phone: $0.phone, whatsapp: $0.whatsapp, url: $0.url, hours: $0.hours)
            },
            isSelf: true, hasSnapshot: true)]
        var decrees: [Network.Decree] = site.decrees.map { decree in
            let fields = decree.fields
            return Network.Decree(record: RemoteDecree(
                number: fields.number.value, title: decree.item.title, kind: fields.kind, date: fields.date,
                status: OpenData.statusLabel(decree.status), regionCode: decree.item.common.region?.value,
                place: fields.place, issuer: fields.issuer, url: base + decree.url), member: 0)
        }
        var events: [Network.Event] = site.events.map { event in
            let fields = event.fields
            let region = event.item.common.region?.value
            return Network.Event(record: RemoteEvent(
                id: event.item.slug, title: event.item.title, kind: fields.kind,
                start: RemoteTime(date: fields.start.date, minutes: fields.start.minutes, offset: offset),
                end: fields.end.map { RemoteTime(date: $0.date, minutes: $0.minutes, offset: offset) },
                location: fields.location, regionCode: region, regionName: region.flatMap { site.region($0)?.name },
                status: fields.status, organizer: fields.organizer, url: base + event.url), member: 0)
        }
        var decreeOwner: [String: Int] = [:]
        for (index, decree) in decrees.enumerated() { decreeOwner[key(decree.record)] = index }
        var eventOwner: [String: Int] = [:]
        for (index, event) in events.enumerated() { eventOwner[event.record.url] = index }

        for snapshot in snapshots {
            let source = snapshot.source
            if let region = source.region, site.region(region.value) == nil {
                diagnostics.error(region.location, "the region \"\(region.value)\" of the source \(source.name) is not in content/regions.yaml",
                                  hint: "add the region to content/regions.yaml, or leave `region:` out (the source's situs.json names its region)")
            }
            let remote = snapshot.site
            let regionCode = source.region?.value ?? remote?.regionCode
            let regionName = regionCode.flatMap { site.region($0)?.name } ?? (regionCode == remote?.regionCode ? remote?.regionName : nil)
            let memberIndex = members.count
            members.append(Network.Member(
                name: source.name, title: remote?.organization ?? remote?.title ?? source.name, url: source.url + "/",
                regionCode: regionCode, regionName: regionName, hotlines: remote?.hotlines ?? [],
                fetched: snapshot.fetched, isSelf: false, hasSnapshot: snapshot.fetched != nil || !snapshot.decrees.isEmpty || !snapshot.events.isEmpty))
            for placed in snapshot.decrees {
                var record = placed.record
                if record.regionCode == nil { record.regionCode = regionCode }
                if let owner = decreeOwner[key(record)] {
                    let first = members[decrees[owner].member]
                    diagnostics.warning(SourceLocation(file: placed.file), "\(placed.path): the decree \(record.number) is also published by \(first.isSelf ? "this site" : first.name); it is listed once, from there",
                                        hint: "nothing to do unless the two records describe different decrees")
                    continue
                }
                decreeOwner[key(record)] = decrees.count
                decrees.append(Network.Decree(record: record, member: memberIndex))
            }
            for placed in snapshot.events {
                var record = placed.record
                if record.regionCode == nil, let regionCode {
                    record.regionCode = regionCode
                    record.regionName = record.regionName ?? regionName
                }
                if let owner = eventOwner[record.url] {
                    let first = members[events[owner].member]
                    diagnostics.warning(SourceLocation(file: placed.file), "\(placed.path): the event at \(record.url) is also listed by \(first.isSelf ? "this site" : first.name); it is listed once, from there")
                    continue
                }
                eventOwner[record.url] = events.count
                events.append(Network.Event(record: record, member: memberIndex))
            }
        }

        // Sorted by keys, then gathered once: moving whole records while sorting tens of
        // thousands of them retained and released every string they hold, again and again.
        let keys = events.indices.compactMap { index -> (instant: Int, minutes: Int, index: Int)? in
            let record = events[index].record
            guard (record.end ?? record.start).date >= site.now else { return nil }
            return (record.start.instant, record.start.minutes ?? -1, index)
        }
        let upcoming = keys.sorted {
            ($0.instant, $0.minutes) != ($1.instant, $1.minutes)
                ? ($0.instant, $0.minutes) < ($1.instant, $1.minutes)
                : events[$0.index].record.url < events[$1.index].record.url
        }.map { events[$0.index] }
        for event in upcoming { members[event.member].eventCount += 1 }
        for decree in decrees { members[decree.member].decreeCount += 1 }
        return Network(members: members, decrees: decrees, provinces: provinces(decrees, site: site, snapshots: snapshots), events: upcoming)
    }

    /// Two records are the same decree when they have the same number in the same region.
    static func key(_ decree: RemoteDecree) -> String {
        // Byte by byte (ASCII letters lower-cased, ASCII spaces dropped): one key per decree of
        // every source.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(decree.number.utf8.count + 8)
        for byte in decree.number.utf8 where byte != 0x20 && byte != 0x09 {
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        bytes.append(UInt8(ascii: "|"))
        bytes += (decree.regionCode ?? "").utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Provinces (the national level first, then by code, unknown last), each with its
    /// regions (the province's own first), each with its decrees newest first.
    static func provinces(_ decrees: [Network.Decree], site: Site, snapshots: [SourceSnapshot]) -> [Network.Province] {
        // Names the sources give their own regions and provinces.
        var remoteNames: [String: String] = [:]
        for snapshot in snapshots {
            guard let remote = snapshot.site else { continue }
            if let code = remote.regionCode, let name = remote.regionName, remoteNames[code] == nil { remoteNames[code] = name }
            if let code = remote.provinceCode, let name = remote.provinceName, remoteNames[code] == nil { remoteNames[code] = name }
        }
        func name(_ code: String) -> String? { site.region(code)?.name ?? remoteNames[code] }

        var byArea: [String: [Int]] = [:]
        for (index, decree) in decrees.enumerated() { byArea[decree.record.regionCode ?? "", default: []].append(index) }
        // The sort keys, read once (reading them from the records while sorting copied each record).
        let dates = decrees.map(\.record.date), numbers = decrees.map(\.record.number), members = decrees.map(\.member)
        var byProvince: [String: [Network.Area]] = [:]
        for (code, indices) in byArea {
            // Newest first, then by number and member.
            let sorted = indices.sorted { a, b in
                if dates[a] != dates[b] { return dates[a] > dates[b] }
                if numbers[a] != numbers[b] { return numbers[a] < numbers[b] }
                return members[a] < members[b]
            }
            let province = code == "ID" ? "ID" : Network.provinceCode(of: code)
            byProvince[province, default: []].append(Network.Area(code: code, name: name(code) ?? code, decrees: sorted))
        }
        func order(_ code: String) -> (Int, String) { (code == "ID" ? 0 : code.isEmpty ? 2 : 1, code) }
        return byProvince.keys.sorted { order($0) < order($1) }.map { code in
            let areas = (byProvince[code] ?? []).sorted { ($0.code == code ? 0 : 1, $0.code) < ($1.code == code ? 0 : 1, $1.code) }
            return Network.Province(code: code, name: code == "ID" || code.isEmpty ? nil : name(code), areas: areas, url: SiteAddress.networkProvince(code))
        }
    }
}
