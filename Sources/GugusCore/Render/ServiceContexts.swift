/// The search page and the open-data page.
extension ContextBuilder {
    func searchPage() -> Context {
        let sections = [ContentKind.news, .event, .decree, .statistics].map { ($0.rawValue, SiteAddress.section($0)) }
        let facets = SearchIndex.facets(site, builder: self)
        let values: Context = [
            "sections": sections.map { ["title": format.text("section_" + $0.0), "url": $0.1] as Context },
            "pages": site.pages.map { ["title": $0.item.title, "url": $0.url] as Context },
            "kinds": facets.kinds.map { ["code": $0.code, "name": $0.name] as Context },
            "regions": facets.regions.map { ["code": $0.code, "name": $0.name] as Context },
            "years": facets.years.map { ["year": String($0)] as Context },
        ]
        return page(title: format.text("search_title"), url: SiteAddress.search, description: format.text("search_intro"), kind: "search",
                    extra: ["search": values])
    }

    func dataPage() -> Context {
        let decreeFields = [
            "idData", "noPeraturan", "judul", "jenis", "singkatanJenis", "tanggal_penetapan", "tahun_pengundangan", "tempatTerbit",
            "teuBadan", "sumber", "subjek", "status", "bahasa", "bidangHukum", "urlDownload", "urlDetailPeraturan",
            "penandatangan", "kodeWilayah", "mengubah", "diubahOleh", "mencabut", "dicabutOleh",
        ]
        let eventFields = [
            "id", "judul", "jenis", "mulai", "selesai", "zonaWaktu", "lokasi", "tautanDaring", "caraHadir", "status", "penyelenggara",
            "peserta", "sasaran", "narasumber", "kodeWilayah", "wilayah", "dasarHukum", "ringkasan", "url", "ics",
        ]
        let datasetFields = ["id", "judul", "deskripsi", "sumber", "satuan", "kategori", "seri", "kolom", "jumlahBaris", "kodeWilayah", "url", "csv", "json"]
        func fields(_ names: [String], _ prefix: String) -> [Context] {
            names.map { ["name": $0, "meaning": format.text("data_" + prefix + "_" + $0)] as Context }
        }
        let siteFields = ["format", "versi", "judul", "url", "bahasa", "organisasi", "wilayah", "layanan", "data"]
        var files: [Context] = [
            ["title": format.text("data_decrees"), "url": SiteAddress.decreesData, "format": "JSON", "count": String(site.decrees.count),
             "intro": format.text("data_decrees_intro"), "fields": fields(decreeFields, "decree")],
            ["title": format.text("data_events"), "url": SiteAddress.eventsData, "format": "JSON", "count": String(site.events.count),
             "intro": format.text("data_events_intro"), "fields": fields(eventFields, "event")],
            ["title": format.text("data_datasets"), "url": SiteAddress.datasetsData, "format": "JSON", "count": String(site.datasets.count),
             "intro": format.text("data_datasets_intro"), "fields": fields(datasetFields, "dataset")],
            ["title": format.text("data_site"), "url": SiteAddress.siteProfile, "format": "JSON", "count": "1",
             "intro": format.text("data_site_intro"), "fields": fields(siteFields, "site")],
        ]
        if let network = site.network {
            let sourceFields = ["sumberJaringan", "situsSumber"]
            files.append(["title": format.text("data_network_decrees"), "url": SiteAddress.networkDecreesData, "format": "JSON",
                          "count": String(network.decrees.count), "anchor": SiteAddress.networkDataAnchor, "intro": format.text("data_network_decrees_intro"),
                          "fields": fields(["noPeraturan", "judul", "jenis", "tanggal_penetapan", "tahun_pengundangan", "status", "kodeWilayah"], "decree")
                              + fields(["wilayah", "provinsi"], "network_decree")
                              + fields(["tempatTerbit", "teuBadan", "urlDetailPeraturan"], "decree") + fields(sourceFields, "network")])
            files.append(["title": format.text("data_network_events"), "url": SiteAddress.networkEventsData, "format": "JSON",
                          "count": String(network.events.count), "intro": format.text("data_network_events_intro"),
                          "fields": fields(["id", "judul", "jenis", "mulai", "selesai", "lokasi", "kodeWilayah", "wilayah", "status",
                                            "penyelenggara", "url"], "event") + fields(sourceFields, "network")])
        }
        let feeds: [Context] = [
            ["title": format.text("data_news_feed"), "url": SiteAddress.newsFeed, "format": "Atom"],
            ["title": format.text("data_event_feed"), "url": SiteAddress.eventFeed, "format": "Atom"],
            ["title": format.text("data_calendar"), "url": SiteAddress.calendar, "format": "iCalendar"],
            ["title": format.text("data_sitemap"), "url": SiteAddress.sitemap, "format": "XML"],
            ["title": format.text("data_search_index"), "url": SiteAddress.searchIndex, "format": "JSON"],
        ] + (site.network == nil ? [] : [
            ["title": format.text("network_feed"), "url": SiteAddress.networkFeed, "format": "Atom"],
            ["title": format.text("network_calendar"), "url": SiteAddress.networkCalendar, "format": "iCalendar"],
        ])
        let datasets = site.datasets.map { dataset -> Context in
            ["title": dataset.item.title, "url": dataset.url, "csvURL": dataset.csvURL, "jsonURL": dataset.jsonURL]
        }
        let values: Context = ["files": files, "feeds": feeds, "datasets": datasets]
        return page(title: format.text("data_title"), url: SiteAddress.data, description: format.text("data_intro"), kind: "data",
                    extra: ["data": values])
    }
}
