import Foundation

/// One file made from a source image.
public struct ImageVariant: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Its address on the site, e.g. `/media/foto/rapat-480w.3f9a1c2b7d.webp`.
    public var url: String
    /// Its name in the source's cache folder, e.g. `480.webp`.
    var cacheName: String
    /// Its path in the cache (its folder's path and `cacheName`).
    var cachePath: String
    /// `url` as HTML and feeds write it (percent-encoded where needed).
    public var address: String

    init(width: Int, height: Int, format: ImageFormat, url: String, cacheFolder: String, cacheName: String) {
        self.width = width
        self.height = height
        self.format = format
        self.url = url
        self.cacheName = cacheName
        self.cachePath = cacheFolder + "/" + cacheName
        self.address = ImageMarkup.address(url)
    }
}

/// Resolve's part of the image pipeline: what a raster of `content/media/` becomes, worked
/// out from its header alone. Render writes `srcset`, `width` and `height` from the plan;
/// the Images phase makes the files into the cache; Write links them into the site.
public struct ImagePlan: Sendable {
    /// The path under `media/`, e.g. `foto/rapat.jpg`.
    public let mediaPath: String
    let sourcePath: String
    /// The folder of the cache that holds this source's files (digest and pixel settings),
    /// and its name in the cache.
    let cacheFolder: String
    let cacheKey: String
    /// The width the source is decoded to once; every variant is resized from it.
    let baseWidth: Int
    /// The widths below `baseWidth`, widest first, each resized from the one above it.
    let ladder: [Int]
    let quality: Int
    /// Checked again before decoding, whatever Validate found in the header.
    let maxPixels: Int
    /// Width and height as the picture is seen (orientation applied).
    public let width: Int
    public let height: Int
    /// The `srcset` candidates, one list per format (best first), narrowest first.
    public let candidates: [[ImageVariant]]
    /// The copy published at the original's own address (`/media/foto/rapat.jpg`): stripped,
    /// no wider than `max_width`, in the format its name promises.
    public let original: ImageVariant
    /// About 1200 px wide, JPEG (PNG with transparency): for link previews, search engines
    /// and feeds. Only for images used as an item's `image`.
    public let share: ImageVariant?

    /// Every file the site publishes for this image (no address twice).
    public let variants: [ImageVariant]
    /// The fallback `<img>`: its format's candidates, and the one named by `src`.
    public let fallback: [ImageVariant]
    public let fallbackSource: ImageVariant
    /// The widest candidate: its size goes into `width` and `height`.
    public let widest: ImageVariant
    /// What pages write, worked out once: a `<source>` per better format (its MIME type and
    /// `srcset`), and the fallback's `srcset`.
    let sourceSets: [(type: String, srcset: String)]
    let fallbackSrcset: String

    init(mediaPath: String, sourcePath: String, cacheFolder: String, cacheKey: String, baseWidth: Int, ladder: [Int], quality: Int,
         maxPixels: Int, width: Int, height: Int, candidates: [[ImageVariant]], original: ImageVariant, share: ImageVariant?) {
        self.mediaPath = mediaPath
        self.sourcePath = sourcePath
        self.cacheFolder = cacheFolder
        self.cacheKey = cacheKey
        self.baseWidth = baseWidth
        self.ladder = ladder
        self.quality = quality
        self.maxPixels = maxPixels
        self.width = width
        self.height = height
        self.candidates = candidates
        self.original = original
        self.share = share
        var seen: Set<String> = []
        variants = ([original] + candidates.joined() + (share.map { [$0] } ?? [])).filter { seen.insert($0.url).inserted }
        let fallback = candidates.last ?? [original]
        self.fallback = fallback
        fallbackSource = fallback.last { $0.width <= 960 } ?? fallback.first ?? original
        widest = fallback.last ?? original
        sourceSets = candidates.dropLast().compactMap { list in
            list.first.map { (type: $0.format.mimeType, srcset: ImageMarkup.srcset(list)) }
        }
        fallbackSrcset = ImageMarkup.srcset(fallback)
    }
}

enum ImagePlanner {
    /// The plan of a raster media file (one without a problem: `MediaLibrary` asks first);
    /// nil for other files.
    /// (`pixelKey`: the settings', worked out once for all files.)
    static func plan(_ file: MediaFile, settings: ImageSettings, pixelKey: String, cacheRoot: String, shared: Bool) -> ImagePlan? {
        guard let raster = file.raster, let header = raster.header, raster.problem == nil, !raster.digest.isEmpty else { return nil }
        let width = header.orientedWidth
        let height = header.orientedHeight
        let baseWidth = min(width, settings.maxWidth)
        let baseHeight = scaledHeight(width: baseWidth, fromWidth: width, height: height)
        // Never wider than the source: widths it cannot fill give way to its own width.
        let ladder = settings.widths.filter { $0 < baseWidth }.sorted(by: >)
        var rungs: [(width: Int, height: Int)] = [(baseWidth, baseHeight)]
        for rung in ladder {
            let above = rungs[rungs.count - 1]
            rungs.append((rung, scaledHeight(width: rung, fromWidth: above.width, height: above.height)))
        }
        /// The height of a variant as libvips makes it: a rung's from the rung above, another
        /// width's from the narrowest rung wider than it.
        func heightAt(_ target: Int) -> Int {
            if let rung = rungs.first(where: { $0.width == target }) { return rung.height }
            let from = rungs.last { $0.width > target } ?? rungs[0]
            return scaledHeight(width: target, fromWidth: from.width, height: from.height)
        }
        let tag = addressTag(digest: raster.digest, pixelKey: pixelKey)
        let cacheKey = String(raster.digest.prefix(40)) + "-" + pixelKey
        let cacheFolder = cacheRoot + "/" + cacheKey
        // `foto/rapat.jpg` → `foto/` and `rapat` (as bytes: every separator is ASCII).
        let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(file.path[...$0]) } ?? ""
        let fileName = slash.map { file.path[file.path.index(after: $0)...] } ?? file.path[...]
        let stem = fileName.utf8.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 > fileName.startIndex ? String(fileName[..<$0]) : nil } ?? String(fileName)
        func variant(_ target: Int, _ format: ImageFormat) -> ImageVariant {
            let w = min(target, baseWidth)
            let name = "\(stem)-\(w)w.\(tag).\(format.fileExtension)"
            return ImageVariant(width: w, height: heightAt(w), format: format,
                                url: SiteAddress.media(folder + name),
                                cacheFolder: cacheFolder, cacheName: "\(w).\(format.fileExtension)")
        }
        var widths = ladder.reversed() as [Int]
        if widths.count < settings.widths.count { widths.append(baseWidth) }
        let formats = settings.formats(hasAlpha: header.hasAlpha)
        let candidates = formats.map { format in widths.map { variant($0, format) } }
        let original = ImageVariant(width: baseWidth, height: baseHeight, format: raster.format, url: SiteAddress.media(file.path),
                                    cacheFolder: cacheFolder, cacheName: "\(baseWidth).\(raster.format.fileExtension)")
        let share = shared ? variant(ImageSettings.shareWidth, header.hasAlpha ? .png : .jpeg) : nil
        return ImagePlan(
            mediaPath: file.path, sourcePath: file.absolutePath, cacheFolder: cacheFolder, cacheKey: cacheKey, baseWidth: baseWidth, ladder: ladder,
            quality: settings.quality, maxPixels: settings.maxPixels, width: width, height: height, candidates: candidates, original: original, share: share)
    }

    /// `height` scaled from `fromWidth` to `width`, rounded as libvips rounds it.
    static func scaledHeight(width: Int, fromWidth: Int, height: Int) -> Int {
        guard fromWidth > 0 else { return height }
        return max(1, Int((Double(height) * Double(width) / Double(fromWidth)).rounded()))
    }

    /// Ten hexadecimal digits that change with the source's bytes and the pixel settings: a
    /// derivative's address changes when its bytes do, so hosts may cache it for a year.
    static func addressTag(digest: String, pixelKey: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (digest + "|" + pixelKey).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
    }
}
