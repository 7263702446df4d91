/// Lookup tables built while checking the references of a site.
struct ContentIndex: Sendable {
    var decreeByNumber: [String: ContentItem] = [:]
    var eventBySlug: [String: ContentItem] = [:]
    var regionCodes: Set<String> = []
    var mediaPaths: [String: MediaFile] = [:]
    /// How raster media are published (their pixel limit decides which are refused).
    var imageSettings = ImageSettings()
}

/// Validate: every reference resolves, slugs, numbers and URLs are unique, no decree amends
/// or revokes itself (directly or through a cycle). All problems are reported at once.
enum SiteValidator {
    static func validate(_ site: LoadedSite, diagnostics: inout DiagnosticLog) -> ContentIndex {
        let index = self.index(site, diagnostics: &diagnostics)
        checkReferences(site, index: index, diagnostics: &diagnostics)
        return index
    }

    /// The lookup tables Resolve needs, checking on the way that addresses and decree
    /// numbers are unique and the regions are well formed.
    static func index(_ site: LoadedSite, diagnostics: inout DiagnosticLog) -> ContentIndex {
        var index = ContentIndex()
        index.regionCodes = Set(site.regions.map(\.value.code))
        index.mediaPaths = Dictionary(site.media.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        index.imageSettings = site.config?.images ?? ImageSettings()
        checkRegions(site.regions, diagnostics: &diagnostics)
        if let region = site.config?.organization?.region {
            checkRegion(region, codes: index.regionCodes, diagnostics: &diagnostics)
        }

        // The file that took each address first.
        var slugOwners: [String: String] = Dictionary(minimumCapacity: site.items.count)
        for item in site.items {
            let key = item.address
            if let other = slugOwners[key] {
                diagnostics.error(item.fileLocation, "the slug \"\(item.slug)\" is already used by \(other)",
                                  hint: "two \(item.kind.folder) cannot share an address; rename one file or set a different `slug:`")
            } else {
                slugOwners[key] = item.file
            }
            if item.kind == .page && SiteAddress.reservedSegments.contains(item.slug) {
                diagnostics.error(item.fileLocation, "the address \(SiteAddress.item(.page, slug: item.slug)) is reserved for a section of the site",
                                  hint: "rename the file or set `slug:` to something else, e.g. `slug: tentang-\(item.slug)`")
            }
            switch item.details {
            case let .decree(fields):
                if let other = index.decreeByNumber[fields.number.value] {
                    diagnostics.error(fields.number.location, "the decree number \(fields.number.value) is already used by \(other.file)",
                                      hint: "each decree has its own number; check for a copied file")
                } else {
                    index.decreeByNumber[fields.number.value] = item
                }
            case .event:
                index.eventBySlug[item.slug] = item
            default: break
            }
        }

        return index
    }

    /// Every reference (region, media, decree, event) resolves and no decrees amend one
    /// another in a circle. Resolve does not depend on these checks: the dev server runs
    /// them beside it.
    static func checkReferences(_ site: LoadedSite, index: ContentIndex, diagnostics: inout DiagnosticLog) {
        for item in site.items {
            if let region = item.common.region { checkRegion(region, codes: index.regionCodes, diagnostics: &diagnostics) }
            if let image = item.common.image { checkMedia(image, kind: "image", index: index, diagnostics: &diagnostics) }
            switch item.details {
            case let .decree(fields):
                for reference in fields.amends + fields.revokes { checkDecree(reference, from: item, index: index, diagnostics: &diagnostics) }
                if let document = fields.document { checkMedia(document, kind: "document", index: index, diagnostics: &diagnostics) }
            case let .event(fields):
                if let decree = fields.decree { checkDecree(decree, from: nil, index: index, diagnostics: &diagnostics) }
            case let .news(fields):
                for decree in fields.decrees { checkDecree(decree, from: nil, index: index, diagnostics: &diagnostics) }
                for event in fields.events where index.eventBySlug[event.value] == nil {
                    diagnostics.error(event.location, "no event has the slug \"\(event.value)\"",
                                      hint: "use the file name of the event without .md, as in content/events/<slug>.md")
                }
            default: break
            }
        }
        checkAmendmentCycles(index: index, diagnostics: &diagnostics)
    }

    static func checkRegions(_ regions: [Located<Region>], diagnostics: inout DiagnosticLog) {
        var seen: Set<String> = []
        let codes = Set(regions.map(\.value.code))
        for region in regions {
            if !seen.insert(region.value.code).inserted {
                diagnostics.error(region.location, "the region code \(region.value.code) is listed twice", hint: "keep one entry per code")
            }
            if let parent = region.value.parent, !codes.contains(parent) {
                diagnostics.error(region.location, "the parent \"\(parent)\" of \(region.value.name) is not in regions.yaml",
                                  hint: "add the parent region, or correct the code (a regency's parent is its province, e.g. \"64\")")
            }
        }
    }

    static func checkRegion(_ region: Located<String>, codes: Set<String>, diagnostics: inout DiagnosticLog) {
        guard !codes.contains(region.value) else { return }
        diagnostics.error(region.location, "the region \"\(region.value)\" is not in content/regions.yaml",
                          hint: "use a code from regions.yaml in quotes, like region: \"64.08\", or add the region there")
    }

    static func checkMedia(_ reference: Located<String>, kind: String, index: ContentIndex, diagnostics: inout DiagnosticLog) {
        guard let path = SitePath.mediaPath(reference.value) else {
            diagnostics.error(reference.location, "the \(kind) path \"\(reference.value)\" is not allowed",
                              hint: "write a path inside content/media/ without `..`, like media/foto/rapat.jpg")
            return
        }
        guard let file = index.mediaPaths[path] else {
            diagnostics.error(reference.location, "the \(kind) file media/\(path) does not exist (looked for content/media/\(path))",
                              hint: "put the file in content/media/\(path), or correct the path")
            return
        }
        if let problem = ImageInspector.problem(of: file, settings: index.imageSettings) {
            diagnostics.error(reference.location, "the \(kind) media/\(path) cannot be published: \(problem.message)", hint: problem.hint)
        }
    }

    static func checkDecree(_ number: Located<String>, from item: ContentItem?, index: ContentIndex, diagnostics: inout DiagnosticLog) {
        if case let .decree(fields)? = item?.details, fields.number.value == number.value {
            diagnostics.error(number.location, "the decree \(number.value) refers to itself",
                              hint: "a decree cannot amend or revoke itself; write the number of the older decree")
            return
        }
        guard index.decreeByNumber[number.value] == nil else { return }
        diagnostics.error(number.location, "no decree has the number \(number.value)",
                          hint: "write the number exactly as in the `number:` of a file in content/decrees/")
    }

    /// Amends and revokes form a graph that must have no cycle.
    static func checkAmendmentCycles(index: ContentIndex, diagnostics: inout DiagnosticLog) {
        var edges: [String: [Located<String>]] = [:]
        for (number, item) in index.decreeByNumber {
            if case let .decree(fields) = item.details {
                edges[number] = (fields.amends + fields.revokes).filter { $0.value != number && index.decreeByNumber[$0.value] != nil }
            }
        }
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var reported: Set<String> = []
        for start in edges.keys.sorted() where marks[start] == nil {
            // Iterative depth-first search with an explicit stack: no recursion on user data.
            var stack: [(node: String, next: Int)] = [(start, 0)]
            marks[start] = .visiting
            while var top = stack.popLast() {
                let targets = edges[top.node] ?? []
                if top.next < targets.count {
                    let target = targets[top.next]
                    top.next += 1
                    stack.append(top)
                    switch marks[target.value] {
                    case .visiting?:
                        let cycle = stack.map(\.node).drop { $0 != target.value } + [target.value]
                        if reported.insert(cycle.sorted().joined(separator: ",")).inserted {
                            diagnostics.error(target.location, "the decrees amend or revoke each other in a circle: \(cycle.joined(separator: " → "))",
                                              hint: "a decree can only amend or revoke an older one; remove one of these references")
                        }
                    case nil:
                        marks[target.value] = .visiting
                        stack.append((target.value, 0))
                    case .done?: break
                    }
                } else {
                    marks[top.node] = .done
                }
            }
        }
    }
}
