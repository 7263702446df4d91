import Mustache

/// Template values that are the same on every page of a build (`site`, `hotlines`, the
/// menu entries), built once as plain structs instead of once per page as dictionaries.
/// The template engine reads them through `MustacheParent`, like a dictionary: a missing
/// value is absent, so `{{#name}}…{{/name}}` shows nothing.
struct TextValues: MustacheParent, Sendable, Equatable {
    var values: [String: String]

    init(_ values: [String: String?]) {
        self.values = values.compactMapValues { $0 }
    }

    func child(named name: String) -> Any? { values[name] }
}

/// `site.*`: the settings of `site.yaml` a theme shows.
struct SiteValues: MustacheParent, Sendable {
    var text: TextValues
    var sample: Bool
    var organization: TextValues?

    init(_ site: Site) {
        let config = site.config
        text = TextValues(["title": config.title, "tagline": config.tagline, "baseURL": config.baseURL, "year": String(site.now.year)])
        sample = config.sample
        organization = config.organization.map { org in
            TextValues([
                "name": org.name, "shortName": org.shortName, "address": org.address, "email": org.email,
                "emailHref": org.email.map { "mailto:" + $0 }, "phone": org.phone,
                "phoneHref": org.phone.map(ContextBuilder.telephoneHref), "url": org.url,
            ])
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "sample": sample
        case "organization": organization
        default: text.child(named: name)
        }
    }
}

/// One entry of the site menu, and whether it is the current page's (or its section's).
struct MenuEntryValues: MustacheParent, Sendable {
    var title: String
    var url: String
    var current: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        default: nil
        }
    }
}
