import Foundation

/// What a task force did in one year, compiled from the site's typed content: the decrees
/// it issued (and what they amended or revoked), the events it held, the news it
/// published and the datasets that cover the year.
struct AnnualReport: Sendable {
    var year: Int
    var decrees: [ResolvedDecree]
    var events: [ResolvedEvent]
    var news: [ResolvedNews]
    var datasets: [ResolvedDataset]

    init(site: Site, year: Int) {
        self.year = year
        decrees = site.decrees.filter { $0.fields.date.year == year && !$0.item.common.draft }
            .sorted { ($0.fields.date, $0.fields.number.value) < ($1.fields.date, $1.fields.number.value) }
        events = site.events.filter { $0.fields.start.date.year == year && !$0.item.common.draft }
            .sorted { ($0.fields.start, $0.url) < ($1.fields.start, $1.url) }
        news = site.news.filter { $0.fields.date.year == year && !$0.item.common.draft }
            .sorted { ($0.fields.date, $0.url) < ($1.fields.date, $1.url) }
        let yearText = String(year)
        datasets = site.datasets.filter { dataset in
            !dataset.item.common.draft && (dataset.fields.table.column(dataset.fields.x) ?? []).contains { $0.contains(yearText) }
        }.sorted { $0.url < $1.url }
    }

    var isEmpty: Bool { decrees.isEmpty && events.isEmpty && news.isEmpty && datasets.isEmpty }
}
