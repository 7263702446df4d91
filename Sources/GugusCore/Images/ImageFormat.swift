import CGugusImages

/// A raster format Gugus reads from `content/media/` or writes for the site.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, webp, avif, png, gif, tiff, heic

    /// The extension of files Gugus writes in this format.
    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .tiff: "tif"
        default: rawValue
        }
    }

    var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        case .avif: "image/avif"
        case .png: "image/png"
        case .gif: "image/gif"
        case .tiff: "image/tiff"
        case .heic: "image/heic"
        }
    }

    /// What a person calls it in a message.
    var displayName: String {
        switch self {
        case .jpeg: "JPEG"
        case .webp: "WebP"
        case .avif: "AVIF"
        case .png: "PNG"
        case .gif: "GIF"
        case .tiff: "TIFF"
        case .heic: "HEIC/HEIF"
        }
    }

    /// Formats a browser shows, which a site may publish its derivatives in.
    static let publishable: [ImageFormat] = [.avif, .webp, .jpeg, .png]

    var code: gugus_image_format {
        switch self {
        case .jpeg: GUGUS_IMAGE_JPEG
        case .webp: GUGUS_IMAGE_WEBP
        case .avif: GUGUS_IMAGE_AVIF
        case .png: GUGUS_IMAGE_PNG
        case .gif: GUGUS_IMAGE_GIF
        case .tiff: GUGUS_IMAGE_TIFF
        case .heic: GUGUS_IMAGE_HEIC
        }
    }

    /// The raster format a media file's name promises (`x.JPG` → jpeg), or nil for other files
    /// (PDF, SVG, …), which are published as they are.
    static func ofFileName(_ name: String) -> ImageFormat? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "jpe", "jfif": return .jpeg
        case "png": return .png
        case "webp": return .webp
        case "gif": return .gif
        case "tif", "tiff": return .tiff
        case "heic", "heif": return .heic
        case "avif": return .avif
        default: return nil
        }
    }

    /// Whether the libvips loader that recognised a file's bytes reads this format.
    func isRead(by loader: String) -> Bool {
        switch self {
        case .jpeg: loader.hasPrefix("jpegload")
        case .png: loader.hasPrefix("pngload")
        case .webp: loader.hasPrefix("webpload")
        case .gif: loader.hasPrefix("gifload")
        case .tiff: loader.hasPrefix("tiffload")
        case .heic, .avif: loader.hasPrefix("heifload")
        }
    }

    /// The format a loader reads, for messages ("holds a PNG image").
    static func read(by loader: String) -> ImageFormat? {
        allCases.first { $0.isRead(by: loader) }
    }
}
