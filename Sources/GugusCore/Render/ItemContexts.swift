/// The template values of each content type's own page.
extension ContextBuilder {
    func news(_ news: ResolvedNews) -> Context {
        var values = common(news.item)
        values.merge(Self.compact([
            "date": format.date(news.fields.date), "dateISO": news.fields.date.description,
            "author": news.fields.author,
            "source": news.fields.source.map { Self.compact(["name": $0.name, "url": $0.url]) },
            "events": links(news.events), "decrees": links(news.decrees),
        ])) { _, new in new }
        let description = summary(of: news.item)
        return page(title: news.item.title, url: news.url, description: description, kind: "news", extra: ["article": values],
                    sharing: sharing(news.item, type: "article", StructuredData.news(news, site: site, description: description)))
    }

    func event(_ event: ResolvedEvent) -> Context {
        let fields = event.fields
        var values = common(event.item)
        values.merge(Self.compact([
            "when": format.span(fields.start, fields.end),
            "startISO": fields.start.description, "endISO": fields.end?.description,
            "location": fields.location, "onlineURL": fields.onlineURL,
            "kindLabel": format.text("event_kind_" + fields.kind),
            "attendanceLabel": format.text("attendance_" + fields.attendance),
            "statusLabel": format.text("event_status_" + fields.status), "status": fields.status,
            "isCancelled": fields.status == "cancelled", "isChanged": fields.status != "scheduled",
            "isPast": (fields.end ?? fields.start).date < site.now,
            "organizer": fields.organizer, "audience": fields.audience,
            "participantList": fields.participants.isEmpty ? nil : ["items": fields.participants] as Context,
            "speakerList": fields.speakers.isEmpty ? nil : ["items": fields.speakers] as Context,
            "decree": event.decree.map(link), "news": links(event.news),
            "icsURL": SiteAddress.calendar(ofEvent: event.item.slug),
        ])) { _, new in new }
        let description = summary(of: event.item)
        return page(title: event.item.title, url: event.url, description: description, kind: "event", extra: ["event": values],
                    sharing: sharing(event.item, type: "website", StructuredData.event(event, site: site, description: description)))
    }

    func decree(_ decree: ResolvedDecree) -> Context {
        let fields = decree.fields
        var values = common(decree.item)
        var groups: [(name: String, members: [Context])] = []
        for member in fields.members {
            let name = member.group ?? ""
            let row = Self.compact(["role": member.role, "position": member.position, "agency": member.agency, "person": member.name])
            if let index = groups.firstIndex(where: { $0.name == name }) {
                groups[index].members.append(row)
            } else {
                groups.append((name, [row]))
            }
        }
        values.merge(Self.compact([
            "number": fields.number.value, "kind": fields.kind, "issuer": fields.issuer, "place": fields.place,
            "date": format.date(fields.date), "dateISO": fields.date.description, "signatory": fields.signatory,
            "status": decree.status.rawValue, "statusLabel": format.text("decree_status_" + decree.status.rawValue),
            "subjects": fields.subjects.isEmpty ? nil : fields.subjects.joined(separator: "; "),
            "amends": links(decree.amends), "amendedBy": links(decree.amendedBy),
            "revokes": links(decree.revokes), "revokedBy": links(decree.revokedBy),
            "hasChain": !(decree.amends.isEmpty && decree.amendedBy.isEmpty && decree.revokes.isEmpty && decree.revokedBy.isEmpty),
            "memberGroups": groups.isEmpty ? nil : groups.map { group -> Context in
                Self.compact(["group": group.name.isEmpty ? nil : group.name, "members": group.members])
            },
            "memberCount": fields.members.isEmpty ? nil : String(fields.members.count),
            "membersHaveNames": fields.members.contains { $0.name != nil },
            "membersHaveAgencies": fields.members.contains { $0.agency != nil },
            "document": decree.document.map { file -> Context in
                ["url": SiteAddress.media(file.path), "size": format.size(file.size),
                 "type": (file.path as NSString).pathExtension.uppercased()]
            },
            "events": links(decree.events), "news": links(decree.news),
        ])) { _, new in new }
        let description = summary(of: decree.item) ?? fields.number.value
        return page(title: decree.item.title, url: decree.url, description: description, kind: "decree", extra: ["decree": values],
                    sharing: sharing(decree.item, type: "article", StructuredData.decree(decree, site: site, description: description)))
    }

    func dataset(_ dataset: ResolvedDataset) -> Context {
        let values = datasetValues(dataset, chartID: "grafik-" + dataset.item.slug)
        let description = dataset.fields.description ?? summary(of: dataset.item)
        return page(title: dataset.item.title, url: dataset.url, description: description, kind: "dataset", extra: ["dataset": values],
                    sharing: sharing(dataset.item, type: "website", StructuredData.dataset(dataset, site: site, description: description)))
    }

    /// A dataset's fields, table and chart (its page, the annual report).
    func datasetValues(_ dataset: ResolvedDataset, chartID: String) -> Context {
        let fields = dataset.fields
        var values = common(dataset.item)
        let numeric = Set(fields.table.numericColumns)
        let xIndex = fields.table.columns.firstIndex(of: fields.x) ?? 0
        values.merge(Self.compact([
            "description": fields.description, "source": fields.source, "unit": fields.unit,
            "columns": fields.table.columns.map { ["name": $0, "numeric": numeric.contains($0) && $0 != fields.x] as Context },
            "rows": fields.table.rows.map { row -> Context in
                ["cells": row.enumerated().map { index, cell -> Context in
                    let column = index < fields.table.columns.count ? fields.table.columns[index] : ""
                    // The category column (often a year) is shown as written.
                    return ["value": numeric.contains(column) && index != xIndex ? format.number(cell) : cell,
                            "isHeader": index == xIndex, "numeric": numeric.contains(column)]
                }]
            },
            "csvURL": dataset.csvURL, "jsonURL": dataset.jsonURL,
            "rowCount": String(fields.table.rows.count),
            "chart": chart(dataset, id: chartID),
        ])) { _, new in new }
        return values
    }

    func infoPage(_ info: ResolvedPage) -> Context {
        var values = common(info.item)
        let headings = body(of: info.item)?.headings.filter { $0.level == 2 } ?? []
        if headings.count >= 3 {
            values["tocList"] = ["items": headings.map { ["text": $0.text, "anchor": $0.anchor] as Context }] as Context
        }
        return page(title: info.item.title, url: info.url, description: summary(of: info.item), kind: "page", extra: ["info": values],
                    sharing: sharing(info.item, type: "website", nil))
    }

    func sharing(_ item: ContentItem, type: String, _ structured: JSONValue?) -> Sharing {
        Sharing(type: type, image: site.sharedImage(of: item), imageAlt: item.common.imageAlt, structured: structured)
    }

    /// The SVG chart of a dataset with its screen-reader description, or nil.
    func chart(_ dataset: ResolvedDataset, id: String) -> Context? {
        guard let data = ChartData.of(dataset) else { return nil }
        let style: SVGChart.Style = dataset.fields.chart == "line" ? .line : .bar
        let format = self.format
        let number: @Sendable (Double) -> String = { value in
            format.number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
        }
        let points = data.categories.prefix(12).enumerated().map { index, category in
            category + ": " + data.series.map { series in
                let value = index < series.values.count ? series.values[index].map(number) ?? "–" : "–"
                return data.series.count > 1 ? "\(series.name) \(value)" : value
            }.joined(separator: ", ")
        }.joined(separator: "; ")
        let description = format.text(style == .line ? "chart_line" : "chart_bar")
            .replacingOccurrences(of: "{series}", with: data.series.map(\.name).joined(separator: ", "))
            .replacingOccurrences(of: "{x}", with: data.categoryName) + ". " + points + (data.categories.count > 12 ? "; …" : ".")
        let chart = SVGChart(data: data, style: style, id: id, number: number, description: description)
        return ["svg": chart.svg(), "caption": description]
    }
}

import Foundation
