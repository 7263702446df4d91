import CGugusImages
import Foundation

/// What the header of an image says, as stored (before its EXIF orientation is applied).
struct ImageHeader: Sendable, Hashable {
    var width: Int
    var height: Int
    /// EXIF orientation 1-8.
    var orientation: Int
    var hasAlpha: Bool
    /// The libvips loader that recognised the bytes, e.g. `jpegload`.
    var loader: String

    /// Orientations 5-8 turn the picture a quarter: width and height swap.
    var orientedWidth: Int { orientation >= 5 ? height : width }
    var orientedHeight: Int { orientation >= 5 ? width : height }
}

/// One file to make from a source image.
struct ImageOutput: Sendable, Hashable {
    var width: Int
    var format: ImageFormat
    var quality: Int
    var path: String
}

/// The calls into libvips (through the small C target CGugusImages).
enum ImageLibrary {
    static func header(of path: String) -> Result<ImageHeader, ImageLibraryError> {
        var header = gugus_image_header()
        var message = [CChar](repeating: 0, count: 512)
        guard gugus_image_read_header(path, &header, &message, message.count) == 0 else {
            return .failure(ImageLibraryError(message: text(message)))
        }
        let loader = withUnsafeBytes(of: header.loader) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return .success(ImageHeader(width: Int(header.width), height: Int(header.height), orientation: Int(header.orientation),
                                    hasAlpha: header.has_alpha != 0, loader: loader))
    }

    /// Decodes `source` once at `baseWidth` (oriented, sRGB), resizes it down the `ladder`
    /// (widths below `baseWidth`, widest first) and writes the outputs from it.
    static func process(_ source: String, baseWidth: Int, ladder: [Int], maxPixels: Int, outputs: [ImageOutput]) -> ImageLibraryError? {
        var message = [CChar](repeating: 0, count: 512)
        // The paths live as C strings for the length of the call.
        let paths = outputs.map { strdup($0.path) }
        defer { for path in paths { free(path) } }
        let list = zip(outputs, paths).map { output, path in
            gugus_image_output(width: Int32(output.width), format: output.format.code, quality: Int32(output.quality), path: path)
        }
        let rungs = ladder.map { Int32($0) }
        let result = gugus_image_process(source, Int32(baseWidth), rungs, Int32(rungs.count), Int64(maxPixels), list, Int32(list.count),
                                         &message, message.count)
        return result == 0 ? nil : ImageLibraryError(message: text(message))
    }

    /// The SHA-256 of a file, as hexadecimal digits.
    static func sha256(of path: String) -> String? {
        var hex = [CChar](repeating: 0, count: 65)
        guard gugus_file_sha256(path, &hex) == 0 else { return nil }
        return text(hex)
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

struct ImageLibraryError: Error, Sendable {
    /// libvips' own words, first line only.
    var message: String

    /// The message with a file's absolute path written as the site names it.
    func naming(_ path: String, as name: String) -> String {
        message.replacingOccurrences(of: path, with: name)
    }

    init(message: String) {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        self.message = first.trimmingCharacters(in: .whitespaces)
    }
}
