/// Where the site uses each file of `content/media/`: the `image` and `document` fields of
/// every content file (drafts too) and the links and images of the published bodies. Errors
/// about an image are reported there.
enum ImageReferences {
    static func collect(_ loaded: LoadedSite, bodies: [String: RenderedMarkdown]) -> [String: [SourceLocation]] {
        var places: [String: [SourceLocation]] = [:]
        func add(_ reference: Located<String>?) {
            guard let reference, let path = SitePath.mediaPath(reference.value) else { return }
            places[path, default: []].append(reference.location)
        }
        for item in loaded.items {
            add(item.common.image)
            if case let .decree(fields) = item.details { add(fields.document) }
        }
        for body in bodies.values {
            for use in body.links where use.url.hasPrefix(SiteAddress.mediaFolder) {
                let path = use.url.dropFirst(SiteAddress.mediaFolder.count).prefix { $0 != "#" && $0 != "?" }
                places[String(path), default: []].append(use.location)
            }
        }
        return places.mapValues { $0.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) } }
    }

    /// Rasters that cannot be published and that nothing refers to (those that are used are
    /// reported where they are used): they cannot be left out silently, nor published as
    /// they are.
    static func unusedProblems(_ library: MediaLibrary, references: [String: [SourceLocation]]) -> [Diagnostic] {
        library.problems.keys.sorted().compactMap { path in
            guard references[path] == nil, let problem = library.problems[path] else { return nil }
            return Diagnostic(at: SourceLocation(file: "content/media/" + path), "the image media/\(path) cannot be published: \(problem.message)",
                              hint: problem.hint + "; or remove the file if no page needs it")
        }
    }
}
