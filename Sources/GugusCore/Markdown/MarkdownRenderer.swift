import CCmarkGFM
import CGugusMarkdown
import Foundation

/// A heading of a Markdown body, with the anchor Gugus gave it.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]
    /// The first paragraph as plain text, for summaries.
    public var firstParagraph: String
    /// The words of the body without markup, for the search index.
    public var plainText: String = ""
    /// Every link and image of the body, after rewriting, with where it is written.
    public var links: [LinkUse] = []
}

/// A link or image in a Markdown body: its address as published, and its place.
public struct LinkUse: Sendable {
    public var url: String
    public var location: SourceLocation
    public var isImage: Bool
    public var hasText: Bool
}

/// How links in a body are checked and rewritten.
public struct LinkContext: Sendable {
    /// The file the body comes from, e.g. `content/news/x.md`.
    public var file: String
    /// The line of the file where the body starts.
    public var bodyFirstLine: Int
    /// `content/news/y.md` → `/berita/y/`, for every published content file.
    public var permalinks: [String: String]
    /// The media: which paths exist, and what each raster image becomes.
    public var media: MediaLibrary
    /// Content files that exist but are drafts left out of this build.
    public var unpublished: Set<String>
    /// Whether the page shows the item's own `image` before the body: then every picture
    /// of the body loads lazily; otherwise all but the first.
    public var leadImage = false

    public init(file: String, bodyFirstLine: Int, permalinks: [String: String], media: MediaLibrary, unpublished: Set<String>,
                leadImage: Bool = false) {
        self.file = file
        self.bodyFirstLine = bodyFirstLine
        self.permalinks = permalinks
        self.media = media
        self.unpublished = unpublished
        self.leadImage = leadImage
    }

    /// The links of an item's body in a site (`bodyFirstLine`: where the body starts now,
    /// when the file was edited since the site was loaded).
    public init(item: ContentItem, bodyFirstLine: Int? = nil, site: Site) {
        self.init(file: item.file, bodyFirstLine: bodyFirstLine ?? item.bodyFirstLine, permalinks: site.permalinks, media: site.library,
                  unpublished: site.unpublished, leadImage: item.common.image != nil)
    }
}

/// Markdown through cmark-gfm with the GitHub extensions. Raw HTML is omitted and unsafe
/// link schemes (`javascript:`) are dropped by cmark's safe mode; headings get anchors;
/// links to other content files and to media/ become site URLs.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm parses inlines with a global table of special characters, to which each
    /// parse adds its extensions' characters (`~`, `:`, `w`) and from which it removes them
    /// when done: two parses at once lose strikethrough and autolinks at random. The hook in
    /// `CGugusMarkdown` leaves the characters in the table after the first parse; from then
    /// on parses run on every core. Until then, or if the library does not call the hook,
    /// parsing (`cmark_parser_feed` and `cmark_parser_finish`) takes turns.
    private static let inlineParsing = NSLock()

    /// Whether parses run at the same time (after the first, when the hook is in place).
    static var parsesInParallel: Bool { gugus_markdown_parses_in_parallel() != 0 }

    public static func render(_ markdown: String, links: LinkContext) -> RenderedMarkdown {
        _ = extensionsRegistered
        // Every allocation of this parse comes from one arena, given back at the end (after
        // the tree, the parser and the rendered HTML: this `defer` runs last).
        let arena = gugus_markdown_arena_begin()
        defer { if arena != nil { gugus_markdown_arena_end() } }
        let made = arena.map { cmark_parser_new_with_mem(options, $0.assumingMemoryBound(to: cmark_mem.self)) } ?? cmark_parser_new(options)
        guard let parser = made else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [], firstParagraph: "")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = markdown
        let together = parsesInParallel
        if !together { inlineParsing.lock() }
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let finished = cmark_parser_finish(parser)
        if !together { inlineParsing.unlock() }
        guard let document = finished else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [], firstParagraph: "")
        }
        defer { cmark_node_free(document) }

        var rewriter = TreeRewriter(links: links)
        rewriter.rewrite(document)
        defer { for node in rewriter.detached { cmark_node_free(node) } }
        var html = ""
        if let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) {
            html = Self.alignmentClasses(String(cString: rendered))
            if arena == nil { free(rendered) }  // (the arena's memory goes with the arena)
        }
        return RenderedMarkdown(
            html: html, headings: rewriter.headings, diagnostics: rewriter.diagnostics,
            firstParagraph: rewriter.firstParagraph, plainText: rewriter.plainText, links: rewriter.linkUses)
    }
}

extension MarkdownRenderer {
    /// The last part of a link's path, for hints. (Foundation's `lastPathComponent` trapped
    /// on a link the fuzzer wrote, with a NUL byte and damaged UTF-8 in it.)
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Table alignment as classes: the theme's Content-Security-Policy refuses inline
    /// styles, and HTML5 has no `align` attribute. Raw HTML is omitted, so these
    /// attributes can only come from cmark-gfm's tables.
    static func alignmentClasses(_ html: String) -> String {
        ByteSearch.replacing(html, [
            (" style=\"text-align: left\"", " class=\"align-left\""),
            (" style=\"text-align: center\"", " class=\"align-center\""),
            (" style=\"text-align: right\"", " class=\"align-right\""),
        ])
    }
}

/// Walks a cmark tree and changes it before rendering (cmark has no render hooks).
private struct TreeRewriter {
    let links: LinkContext
    var headings: [Heading] = []
    var diagnostics: [Diagnostic] = []
    var firstParagraph = ""
    var plainText = ""
    var linkUses: [LinkUse] = []
    /// Nodes taken out of the tree, to free once the HTML is rendered.
    var detached: [OpaquePointer] = []
    private var usedAnchors: [String: Int] = [:]
    /// Pictures written so far (all but the page's first load lazily).
    private var pictures = 0

    init(links: LinkContext) { self.links = links }

    /// One walk over the tree (in C, reading literals without copies): the search text,
    /// the first paragraph's text, then links and headings are rewritten.
    mutating func rewrite(_ document: OpaquePointer) {
        var walk = gugus_markdown_walk()
        defer { gugus_markdown_walk_free(&walk) }
        // (Out of memory mid-walk: what was found so far, as with a Swift walk that stopped.)
        _ = gugus_markdown_walk_document(document, &walk)
        plainText = Self.string(walk.text)
        firstParagraph = Self.string(walk.first_paragraph)
        let linkNodes = Self.nodes(walk.links)
        let headingNodes = Self.nodes(walk.headings)
        for node in linkNodes { rewriteLink(node) }
        for node in headingNodes { anchorHeading(node) }
    }

    private static func string(_ text: gugus_markdown_text) -> String {
        guard let bytes = text.bytes, text.length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: Int(text.length)), as: UTF8.self)
    }

    private static func nodes(_ list: gugus_markdown_nodes) -> [OpaquePointer] {
        guard let nodes = list.nodes else { return [] }
        return (0..<Int(list.count)).compactMap { nodes[$0] }
    }

    // MARK: Links and images

    private mutating func rewriteLink(_ node: OpaquePointer) {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        guard let raw = cmark_node_get_url(node).map({ String(cString: $0) }), !raw.isEmpty else { return }
        let location = place(of: node)
        let hasText = !Self.plainText(node).trimmingSpaces.isEmpty
        defer {
            let final = cmark_node_get_url(node).map { String(cString: $0) } ?? raw
            linkUses.append(LinkUse(url: final, location: location, isImage: isImage, hasText: hasText))
        }
        if isImage && !hasText {
            diagnostics.append(Diagnostic(at: location, severity: .warning, "the image \(raw) has no alt text",
                                          hint: "describe the picture between the brackets: ![what it shows](\(raw))"))
        }
        guard let target = LinkTarget(raw) else { return }
        let resolved: String?
        switch target.kind {
        case .content:
            let path = MarkdownRenderer.normalize(target.path, relativeTo: links.file)
            if let path, let url = links.permalinks[path] {
                resolved = url + target.fragment
            } else if let path, links.unpublished.contains(path) {
                diagnostics.append(Diagnostic(at: location, severity: .warning, "the link \(raw) goes to a page that is not published yet (a draft, or news dated after today)",
                                              hint: "publish \(path) (remove `draft: true`, or wait for its date) or remove the link"))
                resolved = "#"
            } else {
                diagnostics.append(Diagnostic(at: location, "the link \(raw) does not lead to any content file",
                                              hint: "check the file name; links to other pages are written like ../pages/cara-melapor.md"))
                return
            }
        case .media:
            guard let mediaPath = mediaPath(of: target.path) else {
                let looked = MarkdownRenderer.normalize(target.path, relativeTo: links.file) ?? "outside the site folder"
                diagnostics.append(Diagnostic(at: location, "the file \(raw) is not in content/media/ (looked for \(looked))",
                                              hint: "put the file in content/media/ and link it like media/\(MarkdownRenderer.fileName(raw)) or ../media/\(MarkdownRenderer.fileName(raw))"))
                return
            }
            if let problem = links.media.problems[mediaPath] {
                cmark_node_set_url(node, SiteAddress.media(mediaPath))  // (the file is used: not reported as unused too)
                diagnostics.append(Diagnostic(at: location, "the image media/\(mediaPath) cannot be published: \(problem.message)", hint: problem.hint))
                return
            }
            resolved = SiteAddress.media(mediaPath) + target.fragment
            if isImage, let plan = links.media.plans[mediaPath] {
                cmark_node_set_url(node, resolved)  // (the address `gugus check` follows)
                replaceWithPicture(node, plan: plan)
                return
            }
        }
        if let resolved { cmark_node_set_url(node, resolved) }
    }

    /// The path under media/ of a link to a file there, or nil when no such file exists:
    /// relative to the content file (`../media/x.jpg`) or, as `image:` is written, to
    /// content/ (`media/x.jpg`).
    private func mediaPath(of target: String) -> String? {
        var candidates = [MarkdownRenderer.normalize(target, relativeTo: links.file)]
        if target.hasPrefix("media/") { candidates.append("content/" + target) }
        for case let path? in candidates where path.hasPrefix("content/media/") {
            let relative = String(path.dropFirst("content/media/".count))
            if links.media.paths.contains(relative) { return relative }
        }
        return nil
    }

    /// Puts a `<picture>` with every size and format of the image in place of the image node.
    private mutating func replaceWithPicture(_ node: OpaquePointer, plan: ImagePlan) {
        let alt = Self.plainText(node).trimmingSpaces
        let title = cmark_node_get_title(node).map { String(cString: $0) }
        let lazy = links.leadImage || pictures > 0
        pictures += 1
        guard let picture = gugus_markdown_node_new_beside(Int32(CMARK_NODE_CUSTOM_INLINE.rawValue), node) else { return }
        cmark_node_set_on_enter(picture, ImageMarkup.picture(plan, alt: alt, title: title, lazy: lazy))
        cmark_node_set_on_exit(picture, "")
        guard cmark_node_insert_before(node, picture) != 0 else {
            // A table cell takes no custom node (found by the fuzzer: the picture leaked and the
            // image vanished): the image stays a plain `<img>` of the smallest derivative.
            cmark_node_free(picture)
            cmark_node_set_url(node, (plan.fallback.first ?? plan.original).url)
            return
        }
        cmark_node_unlink(node)
        // (Its alt text may point into its block's buffer: freed after rendering, as headings are.)
        detached.append(node)
    }

    // MARK: Headings

    private mutating func anchorHeading(_ node: OpaquePointer) {
        let level = max(2, Int(cmark_node_get_heading_level(node)))
        let text = Self.plainText(node).trimmingSpaces
        var anchor = Slug.make(from: text)
        if anchor.isEmpty { anchor = "bagian" }
        if let count = usedAnchors[anchor] {
            usedAnchors[anchor] = count + 1
            anchor += "-\(count + 1)"
        } else {
            usedAnchors[anchor] = 1
        }
        headings.append(Heading(level: level, text: text, anchor: anchor))
        // A custom block renders its on_enter/on_exit text verbatim around its children.
        guard let block = gugus_markdown_node_new_beside(Int32(CMARK_NODE_CUSTOM_BLOCK.rawValue), node) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(anchor)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        // The moved text still points into the heading's own buffer (cmark keeps inline
        // literals as slices of their block's content): free the heading only after
        // rendering. Found by the fuzzer (AddressSanitizer: heap-use-after-free).
        detached.append(node)
    }

    // MARK: Helpers

    private func place(of node: OpaquePointer) -> SourceLocation {
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        // Inline nodes carry no position in cmark; use their block's.
        var current: OpaquePointer? = node
        while line == 0, let parent = current.flatMap(cmark_node_parent) {
            line = Int(cmark_node_get_start_line(parent))
            column = Int(cmark_node_get_start_column(parent))
            current = parent
        }
        return SourceLocation(file: links.file, line: links.bodyFirstLine + max(1, line) - 1, column: max(1, column))
    }

    /// The text of a node's descendants: text and code literals, a space for each line break.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = gugus_markdown_text()
        defer { gugus_markdown_text_free(&text) }
        _ = gugus_markdown_node_text(node, &text)
        return string(text)
    }
}

/// A link written in Markdown that Gugus rewrites: to a content file or to media/.
struct LinkTarget {
    enum Kind { case content, media }
    var kind: Kind
    var path: String
    /// `#anchor` or "".
    var fragment: String

    init?(_ url: String) {
        // (Searched as bytes: Foundation's `contains` on strings costs tens of thousands of
        // instructions a call, and every link of every page comes here.)
        if url.hasPrefix("#") || ByteSearch.contains(url, "://") || url.hasPrefix("mailto:") || url.hasPrefix("tel:") || url.hasPrefix("//") {
            return nil
        }
        var path = url
        var fragment = ""
        if let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) {
            path = String(url[..<hash])
            fragment = String(url[hash...])
        }
        if path.hasSuffix(".md") {
            kind = .content
        } else if path.hasPrefix("media/") || ByteSearch.contains(path, "/media/") {
            kind = .media
        } else {
            return nil
        }
        self.path = path
        self.fragment = fragment
    }
}
