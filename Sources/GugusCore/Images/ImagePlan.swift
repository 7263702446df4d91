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
}

/// Resolve's part of the image pipeline: what a raster of `content/media/` becomes, worked
/// out from its header alone. Render writes `srcset`, `width` and `height` from the plan;
/// the Images phase makes the files into the cache; Write links them into the site.
public struct ImagePlan: Sendable {
    /// The path under `media/`, e.g. `foto/rapat.jpg`.
    public var mediaPath: String
    var sourcePath: String
    /// The folder of the cache that holds this source's files (digest and pixel settings).
    var cacheFolder: String
    /// The width the source is decoded to once; every variant is resized from it.
    var baseWidth: Int
    /// The widths below `baseWidth`, widest first, each resized from the one above it.
    var ladder: [Int]
    var quality: Int
    /// Checked again before decoding, whatever Validate found in the header.
    var maxPixels: Int
    /// Width and height as the picture is seen (orientation applied).
    public var width: Int
    public var height: Int
    /// The `srcset` candidates, one list per format (best first), narrowest first.
    public var candidates: [[ImageVariant]]
    /// The copy published at the original's own address (`/media/foto/rapat.jpg`): stripped,
    /// no wider than `max_width`, in the format its name promises.
    public var original: ImageVariant
    /// About 1200 px wide, JPEG (PNG with transparency): for link previews, search engines
    /// and feeds. Only for images used as an item's `image`.
    public var share: ImageVariant?

    /// The fallback `<img>`: its format's candidates, and the one named by `src`.
    public var fallback: [ImageVariant] { candidates.last ?? [original] }
    public var fallbackSource: ImageVariant {
        fallback.last { $0.width <= 960 } ?? fallback.first ?? original
    }
    /// The widest candidate: its size goes into `width` and `height`.
    public var widest: ImageVariant { fallback.last ?? original }

    /// Every file the site publishes for this image (no address twice).
    public var variants: [ImageVariant] {
        var seen: Set<String> = []
        return ([original] + candidates.joined() + (share.map { [$0] } ?? [])).filter { seen.insert($0.url).inserted }
    }
}

enum ImagePlanner {
    /// The plan of a raster media file (one without a problem: `MediaLibrary` asks first);
    /// nil for other files.
    static func plan(_ file: MediaFile, settings: ImageSettings, cacheRoot: String, shared: Bool) -> ImagePlan? {
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
        let tag = addressTag(digest: raster.digest, settings: settings)
        let cacheFolder = cacheRoot + "/" + String(raster.digest.prefix(40)) + "-" + settings.pixelKey
        let directory = (file.path as NSString).deletingLastPathComponent
        let stem = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
        func variant(_ target: Int, _ format: ImageFormat) -> ImageVariant {
            let w = min(target, baseWidth)
            let name = "\(stem)-\(w)w.\(tag).\(format.fileExtension)"
            return ImageVariant(width: w, height: heightAt(w), format: format,
                                url: "/media/" + (directory.isEmpty ? "" : directory + "/") + name,
                                cacheName: "\(w).\(format.fileExtension)")
        }
        var widths = ladder.reversed() as [Int]
        if widths.count < settings.widths.count { widths.append(baseWidth) }
        let formats = settings.formats(hasAlpha: header.hasAlpha)
        let candidates = formats.map { format in widths.map { variant($0, format) } }
        let original = ImageVariant(width: baseWidth, height: baseHeight, format: raster.format, url: "/media/" + file.path,
                                    cacheName: "\(baseWidth).\(raster.format.fileExtension)")
        let share = shared ? variant(ImageSettings.shareWidth, header.hasAlpha ? .png : .jpeg) : nil
        return ImagePlan(
            mediaPath: file.path, sourcePath: file.absolutePath, cacheFolder: cacheFolder, baseWidth: baseWidth, ladder: ladder,
            quality: settings.quality, maxPixels: settings.maxPixels, width: width, height: height, candidates: candidates, original: original, share: share)
    }

    /// `height` scaled from `fromWidth` to `width`, rounded as libvips rounds it.
    static func scaledHeight(width: Int, fromWidth: Int, height: Int) -> Int {
        guard fromWidth > 0 else { return height }
        return max(1, Int((Double(height) * Double(width) / Double(fromWidth)).rounded()))
    }

    /// Ten hexadecimal digits that change with the source's bytes and the pixel settings: a
    /// derivative's address changes when its bytes do, so hosts may cache it for a year.
    static func addressTag(digest: String, settings: ImageSettings) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (digest + "|" + settings.pixelKey).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
    }
}
