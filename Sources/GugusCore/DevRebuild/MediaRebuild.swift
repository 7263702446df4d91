import Foundation

/// The dev server's rebuild after photos or other files were added to `content/media/`
/// (or replaced while no page uses them): the new ones go through the image pipeline with
/// the site's cache and are written into the served site; no page is rendered again. A page
/// that then uses a new photo (a text edit) finds it in the site's media.
extension IncrementalBuilder {
    /// nil when the change needs the full pipeline: a file removed, one that a page uses
    /// changed (its derivatives' addresses change in those pages), or one that cannot be
    /// published (the full build reports it).
    mutating func mediaRebuild(_ report: BuildReport, changed paths: [String]) -> Outcome? {
        let prefix = "content/media/"
        guard !paths.isEmpty, paths.allSatisfy({ $0.hasPrefix(prefix) }), var loaded = report.loaded else { return nil }
        let files = SiteFiles(root: options.siteRoot)
        var log = DiagnosticLog()
        let cacheRoot = ImageProcessor.cacheRoot(siteRoot: options.siteRoot)
        let media = ImageInspector.inspect(files.mediaFiles(diagnostics: &log), cacheFolder: cacheRoot)
        let before = Dictionary(report.site.media.map { ($0.path, $0) }) { first, _ in first }
        let now = Set(media.map(\.path))
        guard !log.hasErrors, before.keys.allSatisfy(now.contains) else { return nil }
        let changed = media.filter { before[$0.path] != $0 }
        let references = ImageReferences.collect(loaded, bodies: report.bodies)
        guard changed.allSatisfy({ references[$0.path] == nil }) else { return nil }
        var site = report.site
        let shared = Set(site.library.plans.values.filter { $0.share != nil }.map(\.mediaPath))
        site.media = media
        site.library = MediaLibrary(media, settings: site.config.images, cacheRoot: cacheRoot, shared: shared)
        guard site.library.problems.isEmpty else { return nil }

        let plans = site.library.plans.keys.sorted().compactMap { site.library.plans[$0] }
        guard ImageProcessor.run(plans, references: references, cacheRoot: cacheRoot).diagnostics.isEmpty else { return nil }
        let outputs = SiteRenderer.mediaFiles(site, only: Set(changed.map(\.path)))
        guard OutputWriter.replace(outputs, in: options.output) != nil else { return nil }
        loaded.media = media
        var updated = report
        updated.site = site
        updated.loaded = loaded
        last = updated
        return .partial(rendered: 0, written: outputs.count)
    }
}
