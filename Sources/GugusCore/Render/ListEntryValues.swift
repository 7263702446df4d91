import Mustache

/// An entry of a list page as templates see it: the values of `ContextBuilder.entry(_:)`,
/// worked out when a template asks for them. The default theme asks only for `html` (the
/// entry rendered once for every list it is in), and a list page holds many entries.
struct ListEntryValues: MustacheParent, Sendable {
    let entry: ListedEntry
    let html: String?
    /// The first paragraph of the entry's body, for a summary when it has none of its own.
    let firstParagraph: String?
    let format: Formatter

    /// The names of an entry's fields (`html` aside): what `partials/entry.mustache` sees.
    static let fieldNames = ["title", "url", "date", "dateISO", "summary", "kindLabel", "draft"]

    func child(named name: String) -> Any? {
        switch name {
        case "html": html
        case "title": entry.title
        case "url": entry.url
        case "date": entry.date.map(format.date)
        case "dateISO": entry.date?.description
        case "summary": entry.summary ?? firstParagraph.map { ContextBuilder.shorten($0, to: 220) }
        case "kindLabel": format.text("kind_" + entry.kind.rawValue)
        case "draft": entry.draft
        default: nil
        }
    }
}
