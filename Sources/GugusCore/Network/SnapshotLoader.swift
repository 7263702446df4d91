import Foundation

/// A source's snapshot as the build reads it: only the records that passed every check.
public struct SourceSnapshot: Sendable {
    /// A record and where it is (`$[3]` of `content/sources/NAME/regulasi.json`).
    public struct Placed<Record: Sendable>: Sendable {
        public var record: Record
        public var file: String
        /// The record's place in its list.
        public var index: Int
        /// `$[3]`
        public var path: String { "$[\(index)]" }
    }

    public var source: NetworkSource
    public var site: RemoteSite?
    public var decrees: [Placed<RemoteDecree>] = []
    public var events: [Placed<RemoteEvent>] = []
    /// When the snapshot was last fetched (UTC, from the lock), or nil when there is none.
    public var fetched: String?
}

/// Load, for the network pages: reads `content/sources/NAME/*.json` of every source listed
/// in `site.yaml`, and checks each record. Nothing here reaches the network.
enum SnapshotLoader {
    /// A file larger than this was never written by `gugus sources update`.
    static let largestFile = 20 * 1024 * 1024
    /// Problems reported one by one for each file; the rest are counted.
    static let problemsShown = 5

    static func load(_ sources: [NetworkSource], config: SiteConfig, files: SiteFiles, diagnostics: inout DiagnosticLog) -> [SourceSnapshot] {
        let defaultOffset = config.zoneOffsetMinutes
        let loaded = ParallelMap.map(sources) { source in
            var log = DiagnosticLog()
            let snapshot = load(source, defaultOffset: defaultOffset, files: files, diagnostics: &log)
            return (snapshot, log.items)
        }
        var snapshots: [SourceSnapshot] = []
        for (snapshot, problems) in loaded {
            diagnostics.append(contentsOf: problems)
            snapshots.append(snapshot)
        }
        reportStrayFolders(sources, files: files, diagnostics: &diagnostics)
        return snapshots
    }

    static func load(_ source: NetworkSource, defaultOffset: Int, files: SiteFiles, diagnostics: inout DiagnosticLog) -> SourceSnapshot {
        let folder = SourceLock.folder(of: source.name)
        var snapshot = SourceSnapshot(source: source)
        let lockData = files.exists(SourceLock.path(of: source.name))
            ? (try? SiteFiles.read(files.absolute(SourceLock.path(of: source.name)), upTo: 1024 * 1024).get()) : nil
        snapshot.fetched = lockData.flatMap(SourceLock.decode)?.fetched
        guard files.exists(folder) else {
            diagnostics.warning(source.location, "the source \(source.name) has no snapshot yet: the network pages leave it out",
                                hint: "run `gugus sources update` to fetch its open data into \(folder)/")
            return snapshot
        }
        let host = source.host
        for remote in source.files {
            let path = folder + "/" + remote.name
            guard files.exists(path) else {
                if !remote.optional {
                    diagnostics.warning(SourceLocation(file: path), "the snapshot of \(source.name) has no \(remote.name)",
                                        hint: "run `gugus sources update --only \(source.name)`")
                }
                continue
            }
            guard files.staysInside(path), let data = try? SiteFiles.read(files.absolute(path), upTo: largestFile + 1).get() else {
                diagnostics.warning(SourceLocation(file: path), "the file cannot be read, or leads outside the site folder",
                                    hint: "run `gugus sources update --only \(source.name)` to fetch it again")
                continue
            }
            func unreadable(_ message: String) {
                diagnostics.warning(SourceLocation(file: path), message,
                                    hint: "run `gugus sources update --only \(source.name)` to fetch it again; the network pages leave it out")
            }
            guard data.count <= largestFile else {
                unreadable("the file is larger than 20 MB")
                continue
            }
            var problems: [String] = []
            switch remote.name {
            case "situs.json":
                guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                    unreadable("the file is not valid JSON")
                    continue
                }
                snapshot.site = site(value, host: host, problems: &problems)
            case "regulasi.json":
                guard let list = decodeList(data, keys: DecreeKeys.self, unreadable: unreadable) else { continue }
                snapshot.decrees = records(list, problems: &problems) { reader in decree(&reader, host: host) }
                    .map { SourceSnapshot.Placed(record: $0.record, file: path, index: $0.index) }
            default:
                guard let list = decodeList(data, keys: EventKeys.self, unreadable: unreadable) else { continue }
                snapshot.events = records(list, problems: &problems) { reader in event(&reader, host: host, defaultOffset: defaultOffset) }
                    .map { SourceSnapshot.Placed(record: $0.record, file: path, index: $0.index) }
            }
            for problem in problems.prefix(problemsShown) {
                diagnostics.warning(SourceLocation(file: path), problem, hint: "the source \(source.name) publishes this file; tell its office, or wait for its fix")
            }
            if problems.count > problemsShown {
                diagnostics.warning(SourceLocation(file: path), "\(problems.count - problemsShown) more problems of this kind")
            }
        }
        return snapshot
    }

    /// The fields the network pages read of a decree (JDIHN's names) and of an event.
    enum DecreeKeys: String, CodingKey, CaseIterable {
        case noPeraturan, judul, tanggal_penetapan, urlDetailPeraturan, jenis, status, kodeWilayah, tempatTerbit, teuBadan
    }

    enum EventKeys: String, CodingKey, CaseIterable {
        case id, judul, jenis, mulai, selesai, url, lokasi, kodeWilayah, wilayah, status, penyelenggara, zonaWaktu
    }

    /// A JSON list of records, each read on its own (one that is not an object does not
    /// spoil the others); nil, after saying why, for a file that is not JSON or not a list.
    static func decodeList<Keys: CodingKey & CaseIterable>(_ data: Data, keys: Keys.Type, unreadable: (String) -> Void) -> [RawFields?]? {
        switch RecordScanner.records(data, keys: Keys.allCases.map(\.stringValue)) {
        case let .success(list): return list
        case .failure(.notAList): unreadable("the file is not a JSON list of records")
        case .failure(.notJSON): unreadable("the file is not valid JSON")
        }
        return nil
    }

    /// The records of a list that pass `read`; each problem names its record's path.
    static func records<Record>(
        _ list: [RawFields?], problems: inout [String], read: (inout RecordReader) -> Record?
    ) -> [(record: Record, index: Int)] {
        var result: [(Record, Int)] = []
        result.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            guard let fields = element else {
                problems.append("$[\(index)]: expected an object; the record is left out")
                continue
            }
            var reader = RecordReader(fields, index: index)
            let record = read(&reader)
            if let record, reader.problems.isEmpty {
                result.append((record, index))
            } else {
                problems.append(reader.problems.joined(separator: "; ") + "; the record is left out")
            }
        }
        return result
    }

    static func decree(_ reader: inout RecordReader, host: String?) -> RemoteDecree? {
        let number = reader.text("noPeraturan", required: true)
        let title = reader.text("judul", required: true)
        let date = reader.date("tanggal_penetapan")
        let url = reader.link("urlDetailPeraturan", host: host, required: true)
        let kind = reader.text("jenis")
        let status = reader.text("status")
        let region = reader.regionCode("kodeWilayah")
        let place = reader.text("tempatTerbit")
        let issuer = reader.text("teuBadan")
        guard let number, let title, let date, let url else { return nil }
        return RemoteDecree(number: number, title: title, kind: kind, date: date, status: status, regionCode: region,
                            place: place, issuer: issuer, url: url)
    }

    static func event(_ reader: inout RecordReader, host: String?, defaultOffset: Int) -> RemoteEvent? {
        let zone = reader.text("zonaWaktu")
        let offset = zone.flatMap(zoneOffset) ?? defaultOffset
        let id = reader.text("id", required: true)
        let title = reader.text("judul", required: true)
        let kind = reader.text("jenis", required: true)
        let start = reader.time("mulai", required: true, defaultOffset: offset)
        let end = reader.time("selesai", required: false, defaultOffset: offset)
        let url = reader.link("url", host: host, required: true)
        let location = reader.text("lokasi")
        let regionCode = reader.regionCode("kodeWilayah")
        let regionName = reader.text("wilayah")
        let status = reader.text("status")
        let organizer = reader.text("penyelenggara")
        guard let id, let title, let kind, let start, let url else { return nil }
        return RemoteEvent(id: id, title: title, kind: kind, start: start, end: end, location: location, regionCode: regionCode,
                           regionName: regionName, status: status, organizer: organizer, url: url)
    }

    /// Minutes east of UTC of an IANA zone named in a record, nil for an unknown one. Few
    /// zones recur across a hundred thousand records: Indonesia's three are looked up once.
    static func zoneOffset(_ name: String) -> Int? {
        switch name {
        case "Asia/Jakarta", "Asia/Pontianak": return 420
        case "Asia/Makassar": return 480
        case "Asia/Jayapura": return 540
        default: return TimeZoneInfo.offset(for: name).map { $0 / 60 }
        }
    }

    static func site(_ value: Any, host: String?, problems: inout [String]) -> RemoteSite? {
        guard let object = value as? [String: Any], var reader = RecordReader(object, path: "$", problems: &problems) else { return nil }
        var site = RemoteSite()
        site.title = reader.text("judul")
        site.url = reader.text("url")
        if let organization = object["organisasi"], !(organization is NSNull),
            var nested = RecordReader(organization, path: "$.organisasi", problems: &problems) {
            site.organization = nested.text("nama")
            problems += nested.problems
        }
        if let region = object["wilayah"] as? [String: Any], var nested = RecordReader(region, path: "$.wilayah", problems: &problems) {
            site.regionCode = nested.regionCode("kode")
            site.regionName = nested.text("nama")
            site.regionLevel = nested.text("tingkat")
            if let province = region["provinsi"], !(province is NSNull),
                var inner = RecordReader(province, path: "$.wilayah.provinsi", problems: &problems) {
                site.provinceCode = inner.regionCode("kode")
                site.provinceName = inner.text("nama")
                problems += inner.problems
            }
            problems += nested.problems
        }
        if let list = object["layanan"] as? [Any] {
            for (index, element) in list.enumerated() {
                guard var entry = RecordReader(element, path: "$.layanan[\(index)]", problems: &problems) else { continue }
                let name = entry.text("nama", required: true)
                // A hotline's own page may be elsewhere (SAPA 129's is at the ministry): it is
                // linked only when it is on the source's host.
                let url = entry.text("url").flatMap { NetworkSource.host(of: $0) == host && host != nil ? $0 : nil }
                let hotline = RemoteSite.Hotline(name: name ?? "", phone: entry.text("telepon"), whatsapp: entry.text("whatsapp"),
                                                 url: url, hours: entry.text("jam"))
                if entry.problems.isEmpty, name != nil { site.hotlines.append(hotline) } else { problems += entry.problems }
            }
        }
        problems += reader.problems
        return site
    }

    /// A folder of content/sources/ that no source names is not read: say so.
    static func reportStrayFolders(_ sources: [NetworkSource], files: SiteFiles, diagnostics: inout DiagnosticLog) {
        let names = Set(sources.map(\.name))
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: files.absolute("content/sources"))) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let name = entry.hasSuffix(".lock") ? String(entry.dropLast(5)) : entry
            if !names.contains(name) {
                diagnostics.warning(SourceLocation(file: "content/sources/" + entry), "no source of site.yaml is named \(name): this snapshot is not read",
                                    hint: "add it to `sources:` in content/site.yaml, or delete content/sources/\(entry)")
            }
        }
    }
}
