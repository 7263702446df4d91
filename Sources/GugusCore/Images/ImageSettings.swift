/// `images:` in `site.yaml`: how raster media are published.
public struct ImageSettings: Sendable, Hashable {
    /// The widths of the derivatives offered in `srcset` (never wider than the source).
    public var widths: [Int] = [480, 960, 1600]
    /// Derivative formats, best first; the last one is the fallback of `<img>`.
    public var formats: [ImageFormat] = [.webp, .jpeg]
    /// The widest copy published at the original's own address.
    public var maxWidth = 2048
    /// Larger sources are refused before they are decoded (a decompression bomb).
    public var maxPixels = 100_000_000
    /// Encoder quality, 1-100, for JPEG, WebP and AVIF.
    public var quality = 75

    /// The width of the picture link previews, feeds and search engines get.
    static let shareWidth = 1200
    /// Bumped when the same settings would make other pixels (a change of encoder options).
    static let pipelineVersion = 4

    public init() {}

    static let keys = ["widths", "formats", "max_width", "max_pixels", "quality"]

    /// Reads the `images` map of site.yaml; every problem becomes a diagnostic of the reader.
    static func read(from reader: inout FieldReader) -> ImageSettings {
        var settings = ImageSettings()
        guard var images = reader.mapping("images", what: "the image settings") else { return settings }
        defer { reader.absorb(images) }
        if let maxWidth = images.integer("max_width", range: 320...8192) { settings.maxWidth = maxWidth.value }
        if let maxPixels = images.integer("max_pixels", range: 1_000_000...1_000_000_000) { settings.maxPixels = maxPixels.value }
        if let quality = images.integer("quality", range: 30...100) { settings.quality = quality.value }
        if images.has("widths") {
            let location = images.place(ofKey: "widths")
            var widths: [Int] = []
            for text in images.stringList("widths") {
                guard let width = Int(text.value), (64...settings.maxWidth).contains(width) else {
                    images.report(text.location, "each of `widths` must be a number of pixels from 64 to max_width (\(settings.maxWidth)), not \"\(text.value)\"",
                                  hint: "write the widths as numbers, e.g. `widths: [480, 960, 1600]`")
                    continue
                }
                if !widths.contains(width) { widths.append(width) }
            }
            if widths.isEmpty {
                images.report(location, "`widths` lists no width", hint: "write at least one, e.g. `widths: [480, 960, 1600]`")
            } else {
                settings.widths = widths.sorted()
            }
        }
        if images.has("formats") {
            let location = images.place(ofKey: "formats")
            var formats: [ImageFormat] = []
            for text in images.stringList("formats") {
                let name = text.value.lowercased() == "jpg" ? "jpeg" : text.value.lowercased()
                guard let format = ImageFormat(rawValue: name), ImageFormat.publishable.contains(format) else {
                    images.report(text.location, "`formats` cannot hold \"\(text.value)\"",
                                  hint: "choose from avif, webp, jpeg and png, e.g. `formats: [webp, jpeg]`")
                    continue
                }
                if !formats.contains(format) { formats.append(format) }
            }
            if let fallback = formats.last, fallback == .jpeg || fallback == .png {
                settings.formats = formats
            } else if !formats.isEmpty {
                images.report(location, "the last of `formats` must be jpeg or png, which every browser shows",
                              hint: "end the list with jpeg, e.g. `formats: [avif, webp, jpeg]`")
            } else {
                images.report(location, "`formats` lists no format", hint: "write e.g. `formats: [webp, jpeg]`")
            }
        }
        images.reportUnknownKeys(known: keys)
        return settings
    }

    /// The formats of an image's derivatives: a source with transparency gets PNG instead of
    /// JPEG (which has none).
    func formats(hasAlpha: Bool) -> [ImageFormat] {
        guard hasAlpha else { return formats }
        var list = formats.map { $0 == .jpeg ? .png : $0 }
        if let png = list.firstIndex(of: .png), png != list.count - 1 { list.remove(at: png); list.append(.png) }
        return list
    }

    /// What else decides the pixels of a derivative: part of its cache key and its address.
    /// (The widths make the ladder each derivative is resized down.)
    var pixelKey: String {
        "v\(Self.pipelineVersion)-q\(quality)-w" + widths.map(String.init).joined(separator: ".")
    }
}
