/// schema.org JSON-LD for every page: the site's `GovernmentOrganization` (with a
/// `ContactPoint` per hotline) and `WebSite`, plus the page's own item.
enum StructuredData {
    static let context = "https://schema.org"

    static func organizationID(_ site: Site) -> String { site.config.baseURL + SiteAddress.home + "#organisasi" }

    /// The nodes every page carries.
    static func siteNodes(_ site: Site) -> [JSONValue] {
        let config = site.config
        let base = config.baseURL
        let organization = config.organization
        let hotlines = config.hotlines.isEmpty ? [SiteConfig.defaultHotline] : config.hotlines
        let region = organization?.region.flatMap { site.region($0.value) }
        let contactPoints = hotlines.map { hotline in
            JSONValue.record([
                "@type": .text("ContactPoint"), "name": .text(hotline.name), "contactType": .text("hotline"),
                "telephone": .text(hotline.phone ?? hotline.whatsapp), "url": .text(hotline.url), "description": .text(hotline.hours),
                "areaServed": .text("ID"), "availableLanguage": .text("id"),
            ])
        }
        let organizationNode = JSONValue.record([
            "@type": .text("GovernmentOrganization"), "@id": .text(organizationID(site)),
            "name": .text(organization?.name ?? config.title), "alternateName": .text(organization?.shortName),
            "url": .text(organization?.url ?? base + SiteAddress.home), "email": .text(organization?.email), "telephone": .text(organization?.phone),
            "address": organization?.address.map { JSONValue.record(["@type": .text("PostalAddress"), "streetAddress": .text($0), "addressCountry": .text("ID")]) },
            "areaServed": region.map(place),
            "contactPoint": .array(contactPoints),
        ])
        let website = JSONValue.record([
            "@type": .text("WebSite"), "@id": .text(base + SiteAddress.home + "#situs"), "name": .text(config.title), "url": .text(base + SiteAddress.home),
            "inLanguage": .text(config.language), "publisher": .record(["@id": .text(organizationID(site))]),
            "potentialAction": .record([
                "@type": .text("SearchAction"), "target": .text(base + SiteAddress.search(query: "{search_term_string}")),
                "query-input": .text("required name=search_term_string"),
            ]),
        ])
        return [organizationNode, website]
    }

    /// A page's JSON-LD document (`@context` and `@graph`) as UTF-8 bytes, with the site's
    /// nodes written once for all pages.
    static func scriptText(siteNodesText: String, page: JSONValue?) -> TemplateBytes {
        var bytes = Array("{\"@context\":\"\(context)\",\"@graph\":[\(siteNodesText)".utf8)
        if let page {
            bytes.append(UInt8(ascii: ","))
            page.write(into: &bytes)
        }
        bytes += "]}".utf8
        return TemplateBytes(bytes: bytes)
    }

    /// The site's nodes as the inside of a JSON array.
    static func siteNodesText(_ nodes: [JSONValue]) -> String {
        let array = JSONValue.array(nodes).scriptText
        return String(array.dropFirst().dropLast())
    }

    static func place(_ region: Region) -> JSONValue {
        .record(["@type": .text("AdministrativeArea"), "name": .text(region.name), "identifier": .text(region.code)])
    }

    static func publisher(_ site: Site) -> JSONValue { .record(["@id": .text(organizationID(site))]) }

    static func image(_ item: ContentItem, site: Site) -> JSONValue? {
        site.sharedImage(of: item).map { .string(site.config.baseURL + $0.url) }
    }

    static func news(_ news: ResolvedNews, site: Site, description: String?) -> JSONValue {
        let zone = site.config.timeZone
        let modified = [news.item.common.updated, news.fields.date].compactMap { $0 }.max() ?? news.fields.date
        return .record([
            "@type": .text("NewsArticle"), "headline": .text(String(news.item.title.prefix(110))), "name": .text(news.item.title),
            "url": .text(site.config.baseURL + news.url), "mainEntityOfPage": .text(site.config.baseURL + news.url),
            "datePublished": .text(Timestamp.rfc3339(news.fields.date, zone: zone)),
            "dateModified": .text(Timestamp.rfc3339(modified, zone: zone)),
            "author": news.fields.author.map { .record(["@type": .text("Person"), "name": .text($0)]) } ?? publisher(site),
            "publisher": publisher(site), "description": .text(description), "image": image(news.item, site: site),
            "inLanguage": .text(site.config.language),
            "keywords": .list(news.item.common.tags.map { .string($0.value) }),
            "isBasedOn": news.fields.source?.url.map(JSONValue.string),
        ])
    }

    static func event(_ event: ResolvedEvent, site: Site, description: String?) -> JSONValue {
        let fields = event.fields
        let zone = site.config.timeZone
        let status = ["cancelled": "EventCancelled", "postponed": "EventPostponed", "moved-online": "EventMovedOnline"][fields.status] ?? "EventScheduled"
        let mode = ["online": "OnlineEventAttendanceMode", "mixed": "MixedEventAttendanceMode"][fields.attendance] ?? "OfflineEventAttendanceMode"
        let region = event.item.common.region.flatMap { site.region($0.value) }
        var locations: [JSONValue] = []
        if fields.attendance != "online" || fields.onlineURL == nil {
            locations.append(.record([
                "@type": .text("Place"), "name": .text(fields.location ?? region?.name ?? site.config.title),
                "address": .record(["@type": .text("PostalAddress"), "streetAddress": .text(fields.location),
                                    "addressRegion": .text(region?.name), "addressCountry": .text("ID")]),
            ]))
        }
        if let online = fields.onlineURL { locations.append(.record(["@type": .text("VirtualLocation"), "url": .text(online)])) }
        let educational = ["sosialisasi", "pelatihan", "webinar"].contains(fields.kind)
        return .record([
            "@type": .text(educational ? "EducationEvent" : "Event"), "name": .text(event.item.title),
            "url": .text(site.config.baseURL + event.url),
            "startDate": .text(Timestamp.schemaDate(fields.start, zone: zone)),
            "endDate": .text(fields.end.map { Timestamp.schemaDate($0, zone: zone) }),
            "eventStatus": .text("https://schema.org/" + status),
            "eventAttendanceMode": .text("https://schema.org/" + mode),
            "location": locations.count == 1 ? locations[0] : .array(locations),
            "organizer": fields.organizer.map { .record(["@type": .text("Organization"), "name": .text($0)]) } ?? publisher(site),
            "performer": .list(fields.speakers.map { .record(["@type": .text("Person"), "name": .text($0)]) }),
            "audience": fields.audience.map { .record(["@type": .text("Audience"), "audienceType": .text($0)]) },
            "description": .text(description), "image": image(event.item, site: site), "inLanguage": .text(site.config.language),
        ])
    }

    static func decree(_ decree: ResolvedDecree, site: Site, description: String?) -> JSONValue {
        let fields = decree.fields
        let base = site.config.baseURL
        let force = [ResolvedDecree.Status.inForce: "InForce", .amended: "PartiallyInForce", .revoked: "NotInForce"][decree.status] ?? "InForce"
        func reference(_ link: EntryLink) -> JSONValue {
            .record(["@type": .text("Legislation"), "name": .text(link.title), "legislationIdentifier": .text(link.detail),
                     "url": .text(base + link.url)])
        }
        let region = decree.item.common.region.flatMap { site.region($0.value) }
        return .record([
            "@type": .text("Legislation"), "name": .text(decree.item.title), "url": .text(base + decree.url),
            "legislationIdentifier": .text(fields.number.value), "legislationDate": .text(fields.date.description),
            "legislationPassedBy": .record(["@type": .text("GovernmentOrganization"), "name": .text(fields.issuer)]),
            "legislationType": .text(fields.kind),
            "legislationJurisdiction": region.map(place),
            "legislationLegalForce": .text("https://schema.org/" + force),
            "legislationAmends": .list(decree.amends.map(reference)),
            "legislationRepeals": .list(decree.revokes.map(reference)),
            "legislationResponsible": fields.signatory.map { .record(["@type": .text("Person"), "name": .text($0)]) },
            "about": .list(fields.subjects.map { .string($0) }),
            "encoding": decree.document.map { file in
                .record(["@type": .text("LegislationObject"), "contentUrl": .text(base + SiteAddress.media(file.path)),
                         "encodingFormat": .text(mediaType(file.path)), "legislationLegalValue": .text("https://schema.org/UnofficialLegalValue")])
            },
            "description": .text(description), "inLanguage": .text(site.config.language), "publisher": publisher(site),
        ])
    }

    static func dataset(_ dataset: ResolvedDataset, site: Site, description: String?) -> JSONValue {
        let base = site.config.baseURL
        let region = dataset.item.common.region.flatMap { site.region($0.value) }
        return .record([
            "@type": .text("Dataset"), "name": .text(dataset.item.title), "url": .text(base + dataset.url),
            "description": .text(description ?? dataset.item.title), "creator": publisher(site),
            "isBasedOn": .text(dataset.fields.source), "spatialCoverage": region.map(place),
            "variableMeasured": .list(dataset.fields.series.map { .string($0) }),
            "inLanguage": .text(site.config.language),
            "distribution": .array([
                .record(["@type": .text("DataDownload"), "contentUrl": .text(base + dataset.csvURL), "encodingFormat": .text("text/csv")]),
                .record(["@type": .text("DataDownload"), "contentUrl": .text(base + dataset.jsonURL), "encodingFormat": .text("application/json")]),
            ]),
        ])
    }

    static func webPage(type: String, url: String, title: String, description: String?, site: Site) -> JSONValue {
        .record([
            "@type": .text(type), "name": .text(title), "url": .text(site.config.baseURL + url),
            "description": .text(description), "inLanguage": .text(site.config.language),
            "isPartOf": .record(["@id": .text(site.config.baseURL + SiteAddress.home + "#situs")]),
        ])
    }

    static func mediaType(_ path: String) -> String {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".pdf") { return "application/pdf" }
        if lowered.hasSuffix(".png") { return "image/png" }
        if lowered.hasSuffix(".jpg") || lowered.hasSuffix(".jpeg") { return "image/jpeg" }
        if lowered.hasSuffix(".webp") { return "image/webp" }
        if lowered.hasSuffix(".svg") { return "image/svg+xml" }
        if lowered.hasSuffix(".gif") { return "image/gif" }
        return "application/octet-stream"
    }
}
