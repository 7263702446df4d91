/// Turns the front matter of one content file into a typed `ContentItem`.
enum ItemDecoder {
    static let commonKeys = ["title", "slug", "draft", "summary", "tags", "aliases", "region", "image", "image_alt", "updated"]

    static func decode(
        kind: ContentKind, file: String, fileSlug: String, frontMatter: FrontMatter,
        reader: inout FieldReader, dataLoader: (String, SourceLocation) -> DataTable?
    ) -> ContentItem? {
        let title = reader.string("title", required: true, example: "Judul tulisan")
        var slug = fileSlug
        if let custom = reader.string("slug") {
            if Slug.isValid(custom.value) {
                slug = custom.value
            } else {
                reader.report(custom.location, "the slug \"\(custom.value)\" may only hold lower-case letters, digits and single dashes",
                              hint: "write it like `slug: \(Slug.make(from: custom.value).isEmpty ? "rakor-gugus-tugas" : Slug.make(from: custom.value))`")
            }
        }
        let image = reader.string("image")
        let imageAlt = reader.string("image_alt")?.value
        if let image, imageAlt == nil {
            reader.report(image.location, "the image has no description (`image_alt`)",
                          hint: "add `image_alt:` describing what the picture shows, for readers who cannot see it")
        }
        var common = CommonFields(
            title: title?.value ?? "", slug: slug, draft: reader.bool("draft") ?? false,
            summary: reader.string("summary")?.value, tags: reader.stringList("tags"), aliases: reader.stringList("aliases"),
            region: reader.string("region"), image: image, imageAlt: imageAlt,
            updated: reader.date("updated")?.value)
        common.tags = common.tags.filter { tag in
            guard Slug.make(from: tag.value).isEmpty else { return true }
            reader.report(tag.location, "the tag \"\(tag.value)\" has no letters or digits", hint: "write tags as words, like `tags: [sosialisasi, kutai-timur]`")
            return false
        }

        let details: ContentItem.Details?
        var known = commonKeys
        switch kind {
        case .decree:
            known += ["number", "kind", "issuer", "date", "place", "status", "amends", "revokes", "document", "signatory", "subjects", "members", "legal_field"]
            details = decree(&reader, common: &common).map { .decree($0) }
        case .event:
            known += ["kind", "start", "end", "location", "online_url", "attendance", "status", "organizer", "participants", "audience", "speakers", "decree"]
            details = event(&reader).map { .event($0) }
        case .news:
            known += ["date", "author", "events", "decrees", "source"]
            details = news(&reader).map { .news($0) }
        case .page:
            known += ["menu"]
            details = .page(PageFields(menu: reader.integer("menu", range: 0...1000)?.value))
        case .statistics:
            known += ["data", "rows", "x", "description", "source", "unit", "series", "chart"]
            details = dataset(&reader, file: file, dataLoader: dataLoader).map { .statistics($0) }
        }
        if (kind == .decree || kind == .event) && common.region == nil {
            reader.missing("region", example: "\"64.08\"")
        }
        reader.reportUnknownKeys(known: known)
        guard title != nil, let details else { return nil }
        return ContentItem(
            kind: kind, file: file, common: common, details: details,
            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine)
    }

    private static func decree(_ reader: inout FieldReader, common: inout CommonFields) -> DecreeFields? {
        let number = reader.string("number", required: true, example: "264/K.503/2023")
        let kind = reader.string("kind", required: true, example: "Keputusan Bupati")
        let issuer = reader.string("issuer", required: true, example: "Bupati Kutai Timur")
        let date = reader.date("date", required: true)
        let status = reader.choice("status", from: ["in-force", "amended", "revoked"])
        var members: [DecreeMember] = []
        for var entry in reader.mappingList("members", what: "members") {
            let member = DecreeMember(
                role: entry.string("role")?.value, position: entry.string("position")?.value,
                agency: entry.string("agency")?.value, name: entry.string("name")?.value, group: entry.string("group")?.value)
            if member.role == nil && member.position == nil && member.name == nil && member.agency == nil {
                entry.report(entry.location, "a member has none of role, position, agency or name",
                             hint: "write each member like `- {role: Ketua, position: Bupati Kutai Timur}`")
            }
            entry.reportUnknownKeys(known: ["role", "position", "agency", "name", "group"])
            reader.absorb(entry)
            members.append(member)
        }
        let fields = DecreeFields(
            number: number ?? Located("", at: reader.place(ofKey: "number")), kind: kind?.value ?? "", issuer: issuer?.value ?? "",
            date: date?.value ?? .fallback, place: reader.string("place")?.value, status: status,
            amends: reader.stringList("amends"), revokes: reader.stringList("revokes"),
            document: reader.string("document"), signatory: reader.string("signatory")?.value,
            subjects: reader.stringList("subjects").map(\.value), members: members,
            legalField: reader.string("legal_field")?.value)
        if let number, Slug.make(from: number.value).isEmpty {
            reader.report(number.location, "the decree number \"\(number.value)\" has no letters or digits", hint: "write the number as on the decree, e.g. `number: 264/K.503/2023`")
            return nil
        }
        // A decree's URL comes from its number unless `slug:` is set.
        if !reader.has("slug"), let number { common.slug = Slug.make(from: number.value) }
        guard number != nil, kind != nil, issuer != nil, date != nil else { return nil }
        return fields
    }

    static let eventKinds = ["sosialisasi", "advokasi", "rakor", "webinar", "pelatihan", "lainnya"]
    static let eventStatuses = ["scheduled", "cancelled", "postponed", "moved-online"]

    private static func event(_ reader: inout FieldReader) -> EventFields? {
        let kind = reader.choice("kind", from: eventKinds, required: true)
        let start = reader.dateTime("start", required: true)
        let end = reader.dateTime("end")
        if let start, let end, end.value < start.value {
            reader.report(end.location, "the event ends (\(end.value)) before it starts (\(start.value))",
                          hint: "check the dates: `end` must be the same as or later than `start`")
        }
        let onlineURL = reader.string("online_url")
        if let onlineURL, !(onlineURL.value.hasPrefix("https://") || onlineURL.value.hasPrefix("http://")) {
            reader.report(onlineURL.location, "`online_url` must be a web address starting with https://", hint: "copy the full meeting link, e.g. https://zoom.us/j/…")
        }
        let attendance = reader.choice("attendance", from: ["offline", "online", "mixed"])?.value
        let status = reader.choice("status", from: eventStatuses)?.value ?? "scheduled"
        let fields = EventFields(
            kind: kind?.value ?? "lainnya", start: start?.value ?? LocalDateTime(date: .fallback), end: end?.value,
            location: reader.string("location")?.value, onlineURL: onlineURL?.value,
            attendance: attendance ?? (onlineURL != nil && reader.string("location") == nil ? "online" : "offline"),
            status: status, organizer: reader.string("organizer")?.value,
            participants: reader.stringList("participants").map(\.value), audience: reader.string("audience")?.value,
            speakers: reader.stringList("speakers").map(\.value), decree: reader.string("decree"))
        guard kind != nil, start != nil else { return nil }
        return fields
    }

    private static func news(_ reader: inout FieldReader) -> NewsFields? {
        let date = reader.date("date", required: true)
        var source: NewsSource?
        if let node = reader.value("source") {
            if case let .scalar(scalar) = node {
                source = NewsSource(name: scalar.string, url: nil)
            } else {
                var nested = reader.nested(node, what: "`source`")
                if let name = nested.string("name", required: true, example: "Antara Kaltim") {
                    source = NewsSource(name: name.value, url: nested.webAddress("url")?.value)
                }
                nested.reportUnknownKeys(known: ["name", "url"])
                reader.absorb(nested)
            }
        }
        let fields = NewsFields(
            date: date?.value ?? .fallback, author: reader.string("author")?.value,
            events: reader.stringList("events"), decrees: reader.stringList("decrees"), source: source)
        guard date != nil else { return nil }
        return fields
    }

    private static func dataset(
        _ reader: inout FieldReader, file: String, dataLoader: (String, SourceLocation) -> DataTable?
    ) -> DatasetFields? {
        var table: DataTable?
        var dataFile: String?
        if let data = reader.string("data") {
            if reader.has("rows") {
                reader.report(data.location, "a dataset has either `data` (a CSV file) or `rows`, not both", hint: "delete one of them")
            }
            table = dataLoader(data.value, data.location)
            dataFile = data.value
        } else if let rows = reader.value("rows") {
            table = inlineRows(rows, reader: &reader)
        } else {
            reader.report(reader.location, "the dataset has no data: neither `data` nor `rows`",
                          hint: "add `data: name.csv` naming a CSV file beside this file, or `rows:` with a list of values")
        }
        let x = reader.string("x", required: true, example: "tahun")
        let series = reader.stringList("series")
        let chart = reader.choice("chart", from: ["bar", "line", "none"])?.value ?? "bar"
        guard let table, let x else { return nil }
        guard table.columns.contains(x.value) else {
            reader.report(x.location, "the column \"\(x.value)\" named by `x` is not in the data",
                          hint: "the columns are: \(table.columns.joined(separator: ", "))")
            return nil
        }
        let numeric = table.numericColumns
        for name in series where !numeric.contains(name.value) {
            reader.report(name.location, "the series \"\(name.value)\" is not a column of numbers in the data",
                          hint: "columns with numbers: \(numeric.joined(separator: ", "))")
        }
        return DatasetFields(
            table: table, dataFile: dataFile, x: x.value, description: reader.string("description")?.value,
            source: reader.string("source")?.value, unit: reader.string("unit")?.value,
            series: series.isEmpty ? numeric.filter { $0 != x.value } : series.map(\.value), chart: chart)
    }

    /// `rows:` written as a list of maps with the same keys.
    private static func inlineRows(_ node: Node, reader: inout FieldReader) -> DataTable? {
        guard case let .sequence(sequence) = node, !sequence.isEmpty else {
            reader.report(reader.place(of: node), "`rows` must be a list of rows, each a map of column: value",
                          hint: "write rows like `- {tahun: 2023, kasus: 12}`")
            return nil
        }
        var columns: [String] = []
        var maps: [[String: String]] = []
        for row in sequence {
            guard case let .mapping(mapping) = row else {
                reader.report(reader.place(of: row), "each row must be a map of column: value", hint: "write rows like `- {tahun: 2023, kasus: 12}`")
                return nil
            }
            var values: [String: String] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                if !columns.contains(name) { columns.append(name) }
                values[name] = value.string ?? ""
            }
            maps.append(values)
        }
        return DataTable(columns: columns, rows: maps.map { row in columns.map { row[$0] ?? "" } })
    }
}

import Yams
