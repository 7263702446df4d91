import Foundation

/// The values of `report.mustache`: the annual report's sections, in the site's language.
extension ContextBuilder {
    /// `pages`: the page of each chapter in the printed PDF, for the contents (none on screen).
    func report(_ report: AnnualReport, file: ReportFile?, foreword: RenderedMarkdown?, pages: [String: Int] = [:]) -> Context {
        let config = site.config
        let year = String(report.year)
        let organization = config.organization?.name ?? config.title
        let region = config.organization?.region.flatMap { site.region($0.value) }?.name
        let title = file?.title ?? format.text("report_default_title").replacingOccurrences(of: "{year}", with: year)
        let absolute = { (url: String) in config.baseURL + url }
        let links = { (links: [EntryLink]) in links.map { ["title": $0.title, "detail": $0.detail ?? "", "url": absolute($0.url)] as Context } }

        let decrees = report.decrees.map { decree -> Context in
            Self.compact([
                "number": decree.fields.number.value, "title": decree.item.title, "kind": decree.fields.kind,
                "issuer": decree.fields.issuer, "signatory": decree.fields.signatory, "date": format.date(decree.fields.date),
                "status": format.text("decree_status_" + decree.status.rawValue), "statusKey": decree.status.rawValue,
                "amends": links(decree.amends), "amendsList": !decree.amends.isEmpty,
                "revokes": links(decree.revokes), "revokesList": !decree.revokes.isEmpty,
                "url": absolute(decree.url),
            ])
        }
        let kinds = Dictionary(grouping: report.events, by: \.fields.kind).map { kind, events in
            (name: format.text("event_kind_" + kind), count: events.count)
        }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        let months = Dictionary(grouping: report.events, by: \.fields.start.date.month).sorted { $0.key < $1.key }.map { month, events -> Context in
            [
                "name": format.monthName(month) + " " + year,
                "events": events.map { event -> Context in
                    let region = event.item.common.region.flatMap { site.region($0.value) }?.name
                    return Self.compact([
                        "date": format.date(event.fields.start.date), "title": event.item.title,
                        "kind": format.text("event_kind_" + event.fields.kind), "place": event.fields.location,
                        "region": region, "participants": event.fields.participants.isEmpty ? nil : event.fields.participants.joined(separator: ", "),
                        "audience": event.fields.audience, "status": event.fields.status == "scheduled" ? nil : format.text("event_status_" + event.fields.status),
                        "url": absolute(event.url),
                    ])
                },
            ]
        }
        let news = report.news.map { ["date": format.date($0.fields.date), "title": $0.item.title, "url": absolute($0.url)] as Context }
        let datasets = report.datasets.map { datasetValues($0, chartID: "laporan-grafik-" + $0.item.slug).merging(["url": absolute($0.url)]) { _, new in new } }
        let figures: [Context] = [
            ["value": String(report.decrees.count), "label": format.text("report_figure_decrees")],
            ["value": String(report.events.count), "label": format.text("report_figure_events")],
            ["value": String(Set(report.events.flatMap(\.fields.participants)).count), "label": format.text("report_figure_partners")],
            ["value": String(report.news.count), "label": format.text("report_figure_news")],
        ]
        let hotlines = (config.hotlines.isEmpty ? [SiteConfig.defaultHotline] : config.hotlines).map { hotline -> Context in
            Self.compact(["name": hotline.name, "phone": hotline.phone, "whatsapp": hotline.whatsapp, "url": hotline.url, "hours": hotline.hours])
        }
        // Every item of the report with its official address; QR codes for the main pages.
        let sources: [Context] = (report.decrees.map { ($0.item.title, $0.url) } + report.events.map { ($0.item.title, $0.url) }
            + report.news.map { ($0.item.title, $0.url) } + report.datasets.map { ($0.item.title, $0.url) })
            .map { ["title": $0.0, "url": absolute($0.1)] }
        let mainPages = [(config.title, SiteAddress.home)] + [ContentKind.decree, .event, .news, .statistics].map {
            (format.text("section_" + $0.rawValue), SiteAddress.section($0))
        }
        let codes = mainPages.compactMap { name, url -> Context? in
            QRCode.svg(absolute(url), label: format.text("report_qr_label").replacingOccurrences(of: "{url}", with: absolute(url)))
                .map { ["title": name, "url": absolute(url), "qr": $0] }
        }
        let sections: [(String, String, Bool)] = [
            ("kata-pengantar", "report_foreword", foreword != nil), ("ringkasan", "report_figures", true),
            ("regulasi", "report_decrees", true), ("kegiatan", "report_events", true), ("berita", "report_news", true),
            ("statistik", "report_datasets", !report.datasets.isEmpty), ("layanan", "report_hotlines", true),
            ("sumber", "report_sources", true),
        ]
        let contents = sections.filter(\.2).map { Self.compact(["id": $0.0, "title": format.text($0.1), "page": pages[$0.0].map(String.init)]) }
        var values = Self.compact([
            "year": year, "title": title, "cssTitle": Self.cssString(title), "organization": organization, "region": region, "baseURL": config.baseURL,
            "generated": format.date(site.now), "language": config.language,
            "foreword": foreword.map { markdown -> Context in
                Self.compact(["html": markdown.html, "signedBy": file?.signedBy, "signedPlace": file?.signedPlace,
                              "signedDate": file?.signedDate.map(format.date)])
            },
            "figures": figures, "decrees": decrees, "decreesList": !decrees.isEmpty,
            "eventKinds": kinds.map { ["name": $0.name, "count": String($0.count)] as Context }, "eventKindsList": !kinds.isEmpty,
            "months": months.isEmpty ? nil : months, "news": news, "newsList": !news.isEmpty, "datasets": datasets, "datasetsList": !datasets.isEmpty,
            "hotlines": hotlines, "sources": sources, "codes": codes, "contents": contents,
        ])
        values["sample"] = config.sample
        return ["report": values] as Context
    }

    /// Text for inside a CSS string in double quotes: quotes, backslashes and line breaks
    /// escaped, `<` too (the string sits in a `<style>` element).
    static func cssString(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "<": escaped += "\\3C "
            case "\n", "\r", "\u{0C}": escaped += "\\A "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
