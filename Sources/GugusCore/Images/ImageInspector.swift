import Foundation

/// Load's part of the image pipeline: for every raster under `content/media/`, its digest and
/// header (from the cache's index while the file is unchanged), and what is wrong with it.
/// No pixel is decoded here.
enum ImageInspector {
    /// Extensions of pictures that may carry a location but that Gugus cannot publish safely
    /// (camera raw files, Photoshop, bitmaps, JPEG 2000 and XL): refused instead of copied.
    static let refusedExtensions: Set<String> = [
        "bmp", "dng", "raw", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf", "psd", "jp2", "j2k", "jxl", "ico",
    ]

    static func inspect(_ media: [MediaFile], cacheFolder: String) -> [MediaFile] {
        let index = SourceIndex.read(from: cacheFolder)
        let inspected = ParallelMap.map(media) { file -> (MediaFile, SourceIndex.Entry?) in
            var file = file
            let entry = inspect(&file, known: index.entries[file.path])
            return (file, entry)
        }
        var updated = SourceIndex()
        for (file, entry) in inspected { if let entry { updated.entries[file.path] = entry } }
        if updated != index { updated.write(to: cacheFolder) }
        return inspected.map(\.0)
    }

    /// Fills in `file.raster` for a raster file; returns its line of the index when it is readable.
    private static func inspect(_ file: inout MediaFile, known: SourceIndex.Entry?) -> SourceIndex.Entry? {
        let name = (file.path as NSString).lastPathComponent
        let fileExtension = (name as NSString).pathExtension.lowercased()
        guard let format = ImageFormat.ofFileName(name) else {
            if refusedExtensions.contains(fileExtension) {
                file.raster = RasterSource(format: .jpeg, digest: "", header: nil, problem: ImageProblem(
                    message: "Gugus does not publish .\(fileExtension) files: they can carry the place where the picture was taken",
                    hint: "export the picture as JPEG (or PNG) and use that file instead"))
            }
            return nil
        }
        var raster = RasterSource(format: format, digest: "", header: nil, problem: nil)
        defer { file.raster = raster }
        guard let stamp = FileStamp(of: file.absolutePath) else {
            raster.problem = ImageProblem(message: "the file cannot be read", hint: "check that the file is there and that you may read it")
            return nil
        }
        guard stamp.size > 0 else {
            raster.problem = ImageProblem(message: "the file is empty (0 bytes)",
                                          hint: "copy the photo again from the phone or camera: the copy was probably interrupted")
            return nil
        }
        if let known, known.stamp == stamp, format.isRead(by: known.header.loader) {
            raster.digest = known.digest
            raster.header = known.header
            return known
        }
        let header: ImageHeader
        switch ImageLibrary.header(of: file.absolutePath) {
        case let .success(read): header = read
        case let .failure(error):
            raster.problem = ImageProblem(
                message: "the file is not a \(format.displayName) image that can be read (\(error.naming(file.absolutePath, as: "content/media/" + file.path)))",
                hint: "open it on your computer: if it shows, export it again as JPEG; if not, copy it again from the phone or camera")
            return nil
        }
        guard format.isRead(by: header.loader) else {
            if let actual = ImageFormat.read(by: header.loader) {
                raster.problem = ImageProblem(
                    message: "the file is named .\(fileExtension) but holds a \(actual.displayName) image",
                    hint: "rename it to end in .\(actual.fileExtension) (and change the references to it), or export it again as \(format.displayName)")
            } else {
                raster.problem = ImageProblem(
                    message: "the file is named .\(fileExtension) but holds another kind of file (\(header.loader.replacingOccurrences(of: "load", with: "")))",
                    hint: "export the picture as JPEG or PNG and use that file instead")
            }
            return nil
        }
        guard header.width > 0, header.height > 0 else {
            raster.problem = ImageProblem(message: "the image has no pixels", hint: "export it again as JPEG")
            return nil
        }
        guard let digest = ImageLibrary.sha256(of: file.absolutePath) else {
            raster.problem = ImageProblem(message: "the file cannot be read", hint: "check that the file is there and that you may read it")
            return nil
        }
        raster.digest = digest
        raster.header = header
        return SourceIndex.Entry(stamp: stamp, digest: digest, header: header)
    }

    /// `1200000` → "1.2", `100000000` → "100".
    static func megapixels(_ pixels: Int) -> String {
        let tenths = (pixels + 50_000) / 100_000
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// What stops a media file from being published with these settings, if anything.
    static func problem(of file: MediaFile, settings: ImageSettings) -> ImageProblem? {
        guard let raster = file.raster else { return nil }
        if let problem = raster.problem { return problem }
        guard let header = raster.header else { return nil }
        let pixels = header.width * header.height
        if pixels > settings.maxPixels {
            return ImageProblem(
                message: "the image is \(header.width) × \(header.height) pixels (\(megapixels(pixels)) megapixels), more than `images.max_pixels` allows (\(megapixels(settings.maxPixels)) megapixels)",
                hint: "make the picture smaller before adding it (a phone photo has 12 to 50 megapixels), or raise `max_pixels` under `images:` in content/site.yaml")
        }
        return nil
    }
}
