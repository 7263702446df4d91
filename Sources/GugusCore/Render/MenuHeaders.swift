import Synchronization

/// Which entries of the site menu are marked current on a page, and whether the page is
/// the home or the search page: all that the site header depends on.
struct MenuState: Hashable, Sendable {
    var current: [Bool]
    var isHome: Bool
    var isSearch: Bool

    init(menu: [SiteConfig.MenuEntry], url: String) {
        current = menu.map { $0.url == url || ($0.url != SiteAddress.home && url.hasPrefix($0.url)) }
        isHome = url == SiteAddress.home
        isSearch = url == SiteAddress.search
    }
}

/// The site header (`partials/site-header.mustache`) rendered once for each menu state, the
/// first time a page needs it, instead of once per page (a site has a handful of states
/// and thousands of pages). The same state always gives the same header, whichever page
/// asked first, so the output does not depend on the order pages render in.
final class MenuHeaders: Sendable {
    private let rendered = Mutex<[MenuState: String]>([:])
    private let render: @Sendable (MenuState) -> String

    init(render: @escaping @Sendable (MenuState) -> String) {
        self.render = render
    }

    func html(for state: MenuState) -> String {
        if let known = rendered.withLock({ $0[state] }) { return known }
        var html = render(state)
        // The layout puts the header on a line of its own: the partial's last line end is
        // already there.
        if html.hasSuffix("\n") { html.removeLast() }
        return rendered.withLock { headers in
            if let known = headers[state] { return known }
            headers[state] = html
            return html
        }
    }
}
