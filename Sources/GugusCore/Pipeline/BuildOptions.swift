import Foundation

/// What `gugus build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holding content/ and optionally templates/).
    public var siteRoot: String
    /// Where the site is written; defaults to `<site>/public`.
    public var output: String
    public var includeDrafts: Bool
    /// The date the build treats as today; nil means today in the site's time zone.
    public var now: CivilDate?
    /// Overrides `base_url` of site.yaml.
    public var baseURL: String?
    /// Publishes news dated after `now` (held back by default).
    public var includeFuture: Bool
    /// Checks the build against `published-urls.txt` and records new addresses in it.
    public var keepsURLManifest: Bool
    /// A script tag added before `</body>` of every page (the dev server's live reload).
    public var injectedScript: String?
    /// False for `gugus check`: everything is rendered and checked, nothing is written.
    public var writesOutput = true
    /// Read each page's ids and links as it is rendered (`gugus check`; `BuildReport.references`).
    public var collectsReferences = false
    /// False for previews (`gugus serve`): published addresses are checked, not recorded.
    public var recordsURLs = true
    /// Writes `.gz` and `.br` beside the text files (`Precompression`); the dev server,
    /// which serves the files itself, does without.
    public var precompresses = true
    /// Renders every page with swift-mustache itself instead of `TemplateWalker` (set by
    /// `GUGUS_TEMPLATE_RENDERER=swift-mustache`): how the two are shown to write the same files.
    public var rendersWithTemplateLibrary = ProcessInfo.processInfo.environment["GUGUS_TEMPLATE_RENDERER"] == "swift-mustache"
    /// Search terms remembered between the dev server's builds.
    var searchTerms: SearchTermCache?

    public init(siteRoot: String, output: String? = nil, includeDrafts: Bool = false, now: CivilDate? = nil, baseURL: String? = nil,
                includeFuture: Bool = false, keepsURLManifest: Bool = true, injectedScript: String? = nil) {
        var root = siteRoot
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.siteRoot = root
        self.output = output ?? root + "/public"
        self.includeDrafts = includeDrafts
        self.now = now
        self.baseURL = baseURL
        self.includeFuture = includeFuture
        self.keepsURLManifest = keepsURLManifest
        self.injectedScript = injectedScript
    }
}
