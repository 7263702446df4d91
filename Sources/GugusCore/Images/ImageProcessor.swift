import Foundation

/// The Images phase: makes the files of every plan that the cache does not hold yet, on every
/// core (each source decoded once, shrunk while it loads), then removes what no plan uses.
/// A rebuild with unchanged photos does no image work.
enum ImageProcessor {
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic] = []
        /// Sources decoded and files written by this run.
        var processed = 0
        var filesMade = 0
        /// The inode of each cache file that was there before this run (by its full path),
        /// as listed: Write skips a link that already points at it.
        var inodes: [String: UInt64] = [:]
    }

    /// Where the cache of a site lives: beside `content/`, never in the output.
    static func cacheRoot(siteRoot: String) -> String {
        siteRoot + "/.gugus-cache/images"
    }

    static func run(_ plans: [ImagePlan], references: [String: [SourceLocation]], cacheRoot: String) -> Outcome {
        var outcome = Outcome()
        // One listing of each folder of the cache tells what is there (and what is left over).
        let present = prune(cacheRoot, keeping: plans)
        let jobs = plans.compactMap { plan -> (ImagePlan, [ImageVariant])? in
            var names: Set<String> = []
            let have = present[plan.cacheKey] ?? [:]
            var missing: [ImageVariant] = []
            for variant in plan.variants where names.insert(variant.cacheName).inserted {
                if let inode = have[variant.cacheName] { outcome.inodes[variant.cachePath] = inode } else { missing.append(variant) }
            }
            return missing.isEmpty ? nil : (plan, missing)
        }
        // The largest first, so that both cores finish together.
        .sorted { $0.0.width * $0.0.height > $1.0.width * $1.0.height }
        let failures = ParallelMap.map(jobs) { plan, missing in make(missing, of: plan) }
        for ((plan, missing), failure) in zip(jobs, failures) {
            let message: String
            let hint: String
            switch failure {
            case nil:
                outcome.processed += 1
                outcome.filesMade += missing.count
                continue
            case let .image(reason)?:
                message = "the image media/\(plan.mediaPath) cannot be published: it is damaged or cut short (\(reason))"
                hint = "open it on your computer: if it shows, export it again as JPEG; if not, copy it again from the phone or camera"
            case let .cache(reason)?:
                message = "the image media/\(plan.mediaPath) cannot be processed: \(reason)"
                hint = "check that the disk is not full and that you may write in the site folder (Gugus keeps processed photos in .gugus-cache/)"
            }
            let places = references[plan.mediaPath] ?? [SourceLocation(file: "content/media/" + plan.mediaPath)]
            outcome.diagnostics += places.map { Diagnostic(at: $0, message, hint: hint) }
        }
        return outcome
    }

    /// Why a source's files could not be made: its pixels, or the cache.
    enum Failure: Sendable {
        case image(String)
        case cache(String)
    }

    /// Makes the missing files of one source; nil on success.
    private static func make(_ variants: [ImageVariant], of plan: ImagePlan) -> Failure? {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: plan.cacheFolder, withIntermediateDirectories: true)
        } catch {
            return .cache("the folder \(plan.cacheFolder) cannot be made: \(error.localizedDescription)")
        }
        // Written under temporary names and renamed into place: a file of the cache is
        // either whole or absent, whatever stops the build.
        let temporary = variants.map { plan.cacheFolder + "/.tmp-\(getpid())-" + $0.cacheName }
        let outputs = zip(variants, temporary).map { variant, path in
            ImageOutput(width: variant.width, format: variant.format, quality: plan.quality, path: path)
        }
        if let error = ImageLibrary.process(plan.sourcePath, baseWidth: plan.baseWidth, ladder: plan.ladder, maxPixels: plan.maxPixels, outputs: outputs) {
            for path in temporary { try? manager.removeItem(atPath: path) }
            return .image(error.naming(plan.sourcePath, as: "content/media/" + plan.mediaPath))
        }
        for (variant, path) in zip(variants, temporary) where rename(path, plan.cacheFolder + "/" + variant.cacheName) != 0 {
            let reason = String(cString: strerror(errno))
            for path in temporary { try? manager.removeItem(atPath: path) }
            return .cache("its files cannot be written into \(plan.cacheFolder): \(reason)")
        }
        return nil
    }

    /// Removes the cache folders and files that no plan of this build uses; returns the files
    /// each used folder holds, with their inodes.
    @discardableResult
    static func prune(_ cacheRoot: String, keeping plans: [ImagePlan]) -> [String: [String: UInt64]] {
        var used: [String: Set<String>] = [:]
        for plan in plans {
            used[plan.cacheKey, default: []].formUnion(plan.variants.map(\.cacheName))
        }
        var present: [String: [String: UInt64]] = [:]
        // (Listed with readdir: FileManager's listings were most of a warm rebuild's image time.)
        guard let entries = FolderListing.entries(of: cacheRoot) else { return present }
        let ownTemporaryPrefix = ".tmp-\(getpid())-"
        for entry in entries where !entry.name.hasPrefix(SourceIndex.fileName) {
            let path = cacheRoot + "/" + entry.name
            guard let names = used[entry.name] else {
                try? FileManager.default.removeItem(atPath: path)
                continue
            }
            var kept: [String: UInt64] = [:]
            for listed in FolderListing.entries(of: path) ?? [] {
                let file = listed.name
                if names.contains(file) {
                    kept[file] = listed.inode
                } else if !file.hasPrefix(".tmp-") || file.hasPrefix(ownTemporaryPrefix) {
                    // (Another build's file being written is left alone.)
                    try? FileManager.default.removeItem(atPath: path + "/" + file)
                }
            }
            present[entry.name] = kept
        }
        return present
    }
}
