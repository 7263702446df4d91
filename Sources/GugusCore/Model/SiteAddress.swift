/// The site's public addresses, spelled in this one place: every path a reader, a feed
/// reader, a search engine or another site may ask for. Links that other sites, feeds and
/// printed reports carry point at these paths, so they change here or not at all (and a
/// published one never without an alias: see `URLManifest`).
///
/// Every address is a path from the site's root, starting with `/`; a page's ends with `/`
/// (written as `PATH/index.html`), a file's with its name. `site.config.baseURL + address`
/// makes one absolute, and `OutputFile(url:…)` the file under the output folder.
///
/// The templates (`templates/`, the embedded `DefaultTheme`) spell the few they link to
/// on their own (the search script's `/search-index/`, the menu's sections).
public enum SiteAddress {
    // MARK: Pages

    /// The home page.
    public static let home = "/"
    /// The page for addresses that lead nowhere (hosts serve it with status 404).
    public static let notFound = "/404.html"
    /// The search page.
    public static let search = "/cari/"
    /// The open-data page: what each data file holds.
    public static let data = "/data/"
    /// The list of every tag.
    public static let tags = "/tag/"
    /// The list of every region.
    public static let regions = "/wilayah/"
    /// The browser editor (Decap CMS).
    public static let admin = "/admin/"
    /// The browser editor's configuration (Decap CMS reads it beside its page).
    public static let cmsConfig = admin + "config.yml"

    /// A section's list: `/berita/`, `/kegiatan/`, `/regulasi/`, `/statistik/` (information
    /// pages have no list).
    public static func section(_ kind: ContentKind) -> String {
        "/\(kind.section)/"
    }

    /// An item's page: `/berita/<slug>/`, or `/<slug>/` for an information page.
    public static func item(_ kind: ContentKind, slug: String) -> String {
        kind == .page ? "/\(slug)/" : "/\(kind.section)/\(slug)/"
    }

    /// A tag's list; `key` is the tag's slug (`Slug.make(from: tag)`).
    public static func tag(_ key: String) -> String {
        tags + key + "/"
    }

    /// A region's list; `segment` is the region's `urlSegment` (its code as a slug).
    public static func region(_ segment: String) -> String {
        regions + segment + "/"
    }

    /// The search page asking for `query` (written as given: a placeholder such as
    /// `{search_term_string}` stays as it is).
    public static func search(query: String) -> String {
        search + "?q=" + query
    }

    /// Page `number` of a list at `list` (which ends with `/`): the list itself for the
    /// first, `LIST/page/N/` for the others.
    public static func page(_ number: Int, of list: String) -> String {
        number == 1 ? list : "\(list)page/\(number)/"
    }

    /// Whether an address is a later page of a list (its number shifts as content grows).
    public static func isPagination(_ url: String) -> Bool {
        ByteSearch.contains(url, "/page/")
    }

    // MARK: Files

    /// Where the files of `content/media/` are published.
    public static let mediaFolder = "/media/"
    /// Where the theme's assets are published.
    public static let assetsFolder = "/assets/"

    /// A file of `content/media/` (or a derivative of an image), by its path there:
    /// `foto/rapat.jpg` → `/media/foto/rapat.jpg`.
    public static func media(_ path: String) -> String {
        mediaFolder + path
    }

    /// A file of the theme's `assets/`, by its path there: `style.css` → `/assets/style.css`.
    public static func asset(_ path: String) -> String {
        assetsFolder + path
    }

    /// The news feed (Atom).
    public static let newsFeed = "/feed.xml"
    /// The events feed (Atom).
    public static let eventFeed = section(.event) + "feed.xml"
    /// Every event (iCalendar).
    public static let calendar = section(.event) + "kalender.ics"

    /// One event, for an "add to calendar" link: `/kegiatan/<slug>.ics`.
    public static func calendar(ofEvent slug: String) -> String {
        "/\(ContentKind.event.section)/\(slug).ics"
    }

    /// A dataset's rows as CSV: `/statistik/<slug>.csv`.
    public static func datasetCSV(_ slug: String) -> String {
        "/\(ContentKind.statistics.section)/\(slug).csv"
    }

    /// A dataset with its rows as JSON: `/statistik/<slug>.json`.
    public static func datasetJSON(_ slug: String) -> String {
        "/\(ContentKind.statistics.section)/\(slug).json"
    }

    /// The sitemap, or the index of its parts when it has more than one.
    public static let sitemap = "/sitemap.xml"

    /// Part `number` (from 1) of a sitemap too long for one file.
    public static func sitemap(part number: Int) -> String {
        "/sitemap-\(number).xml"
    }

    public static let robots = "/robots.txt"

    /// The search index's manifest.
    public static let searchIndex = "/search-index.json"
    /// The search index's other files (renumbered as the site grows).
    public static let searchIndexFolder = "/search-index/"

    /// Shard `number` of the search index's words.
    public static func searchShard(_ number: Int) -> String {
        "\(searchIndexFolder)s\(number).json"
    }

    /// Chunk `number` of the search index's pages (title, address, snippet…).
    public static func searchDocuments(_ number: Int) -> String {
        "\(searchIndexFolder)d\(number).json"
    }

    /// Each page's type and region, fetched when a search filter is used.
    public static let searchFilters = searchIndexFolder + "filters.json"

    // MARK: Open data (also what the network reads from another Gugus site)

    public static let decreesData = data + "regulasi.json"
    public static let eventsData = data + "kegiatan.json"
    public static let datasetsData = data + "statistik.json"
    /// Who publishes the site, and where its data files are.
    public static let siteProfile = data + "situs.json"

    // MARK: The network (`sources:` of `site.yaml`)

    /// The network's directory of members.
    public static let network = "/jaringan/"
    /// The network's decrees, by province.
    public static let networkDecrees = network + "regulasi/"
    /// The network's upcoming events (paginated).
    public static let networkEvents = network + "kegiatan/"
    public static let networkCalendar = network + "kalender.ics"
    public static let networkFeed = network + "feed.xml"
    public static let networkDecreesData = data + "jaringan/regulasi.json"
    public static let networkEventsData = data + "jaringan/kegiatan.json"
    /// The id of the open-data page's part on the network's files.
    public static let networkDataAnchor = "jaringan"
    /// Where the open-data page describes the network's files.
    public static let networkDataSection = data + "#" + networkDataAnchor

    /// A province's decrees: `/jaringan/regulasi/64/`; `id` for the national level,
    /// `lainnya` when the province is unknown (`code` empty).
    public static func networkProvince(_ code: String) -> String {
        networkDecrees + (code.isEmpty ? "lainnya" : Slug.make(from: code)) + "/"
    }

    // MARK: Names

    /// The first segments Gugus's own addresses use: an information page (`/<slug>/`) may
    /// not take them.
    public static let reservedSegments: Set<String> = [
        "berita", "kegiatan", "regulasi", "statistik", "wilayah", "tag", "cari", "data", "media", "page", "assets", "admin", "404",
    ]
}
