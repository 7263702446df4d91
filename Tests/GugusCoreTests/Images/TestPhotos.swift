import Foundation
import Testing

/// Photos for the image pipeline's tests, made with the `vips` and `exiftool` command lines
/// (libvips-tools, libimage-exiftool-perl; `scripts/setup --test` installs them), and the
/// published files read back with the same tools. A missing tool fails the test that needs
/// it: nothing is skipped.
enum TestPhotos {
    struct MissingTool: Error, CustomStringConvertible {
        var name: String
        var description: String {
            "`\(name)` is not installed: the image tests make and read their photos with it. Run scripts/setup --test"
        }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var output: String
        var description: String { "`\(command)` exited with \(status):\n\(output)" }
    }

    /// The path of a command line tool on PATH (or the usual folders).
    static func tool(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        throw MissingTool(name: name)
    }

    /// Runs a tool to the end; its standard output, or an error with what it printed.
    @discardableResult
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let result = try runCommand(arguments, binary: try tool(name))
        guard result.status == 0 else {
            throw ToolFailed(command: ([name] + arguments).joined(separator: " "), status: result.status, output: result.err + result.out)
        }
        return result.out
    }

    /// What a camera or phone writes into a photo: where, with what, by whom.
    static let cameraTags = [
        "-GPSLatitude=0.5432", "-GPSLatitudeRef=N", "-GPSLongitude=117.6543", "-GPSLongitudeRef=E",
        "-Make=Samsung", "-Model=SM-A546E", "-XMP:Creator=Ani Wulandari", "-IPTC:By-line=Ani Wulandari",
    ]

    /// A photo of `width` × `height` stored pixels at `path` (its format from the extension:
    /// .jpg, .png, .webp, .heic …): `colour` with a red stripe over the left quarter, so that
    /// which way it was turned can be seen. `tagged` adds GPS, camera and author tags;
    /// `orientation` an EXIF orientation (6: the camera was held upright, turn 90° clockwise).
    static func make(_ path: String, width: Int, height: Int, colour: (Int, Int, Int) = (30, 60, 200),
                     tagged: Bool = false, orientation: Int? = nil) throws {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        let key = "\(width)x\(height)-\(colour.0).\(colour.1).\(colour.2)-\(tagged ? "tagged" : "plain")-o\(orientation ?? 0).\(fileExtension)"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: path)
        // The same photo is made once per test run and copied (making one takes several
        // processes); each site gets its own file.
        let stored = store.folder + "/" + key
        if !FileManager.default.fileExists(atPath: stored) {
            let made = store.folder + "/.\(UUID().uuidString)." + fileExtension
            try draw(made, width: width, height: height, colour: colour, tagged: tagged, orientation: orientation)
            // (Two tests making the same photo at once: either file is the photo.)
            if rename(made, stored) != 0 { try? FileManager.default.removeItem(atPath: made) }
        }
        try FileManager.default.copyItem(atPath: stored, toPath: path)
    }

    /// Where photos made once in this run are kept.
    private static let store = PhotoStore()

    private final class PhotoStore: Sendable {
        let folder: String
        init() {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-test-photos-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    private static func draw(_ path: String, width: Int, height: Int, colour: (Int, Int, Int),
                             tagged: Bool, orientation: Int?) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-photo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try run("vips", ["black", work + "/black.v", String(width), String(height), "--bands", "3"])
        try run("vips", ["linear", work + "/black.v", work + "/ground.v", "1 1 1", "\(colour.0) \(colour.1) \(colour.2)", "--uchar"])
        try run("vips", ["black", work + "/narrow.v", String(max(1, width / 4)), String(height), "--bands", "3"])
        try run("vips", ["linear", work + "/narrow.v", work + "/stripe.v", "1 1 1", "220 20 20", "--uchar"])
        try run("vips", ["insert", work + "/ground.v", work + "/stripe.v", work + "/photo.v", "0", "0"])
        let fileExtension = (path as NSString).pathExtension.lowercased()
        let made = work + "/photo." + fileExtension
        let options = ["heic": "[compression=hevc]", "avif": "[compression=av1]"][fileExtension] ?? ""
        try run("vips", ["copy", work + "/photo.v", made + options])
        var tags = tagged ? cameraTags : []
        if let orientation { tags.append("-Orientation#=\(orientation)") }
        if !tags.isEmpty { try run("exiftool", ["-overwrite_original", "-q"] + tags + [made]) }
        try FileManager.default.moveItem(atPath: made, toPath: path)
    }

    /// A black PNG of `width` × `height` (it compresses to almost nothing however large).
    static func blackPNG(_ path: String, width: Int, height: Int) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try run("vips", ["black", path, String(width), String(height)])
    }

    /// Every tag exiftool finds in each file, as `Group:Name` → value (`-G -a`: duplicates too).
    static func tags(of paths: [String]) throws -> [String: [String: String]] {
        guard !paths.isEmpty else { return [:] }
        let json = try run("exiftool", ["-j", "-G", "-a"] + paths)
        guard let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
            throw ToolFailed(command: "exiftool -j -G -a", status: 0, output: "not a JSON list: \(json.prefix(300))")
        }
        var result: [String: [String: String]] = [:]
        for record in list {
            guard let source = record["SourceFile"] as? String else { continue }
            result[source] = record.filter { $0.key != "SourceFile" }.mapValues { "\($0)" }
        }
        return result
    }

    struct Header: Equatable, CustomStringConvertible {
        var width: Int
        var height: Int
        /// The libvips loader that read it: `jpegload`, `webpload`, `pngload`, `heifload` …
        var loader: String
        var description: String { "\(width)×\(height) \(loader)" }
    }

    /// The real size (pixels as stored) and format of each file, as `vipsheader` reads them.
    static func headers(of paths: [String]) throws -> [String: Header] {
        var result: [String: Header] = [:]
        for path in paths {
            // `x.jpg: 1200x900 uchar, 3 bands, srgb, jpegload`
            let line = try run("vipsheader", [path]).trimmingCharacters(in: .whitespacesAndNewlines)
            let fields = line.dropFirst(path.count + 2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let size = fields.first?.split(separator: " ").first?.split(separator: "x").compactMap { Int($0) } ?? []
            guard size.count == 2, let loader = fields.last else {
                throw ToolFailed(command: "vipsheader \(path)", status: 0, output: "cannot read: \(line)")
            }
            result[path] = Header(width: size[0], height: size[1], loader: loader)
        }
        return result
    }

    /// The colour of one pixel (red, green, blue).
    static func colour(of path: String, x: Int, y: Int) throws -> [Double] {
        try run("vips", ["getpoint", path, String(x), String(y)]).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    }

    /// The files under a folder, as absolute paths, sorted.
    static func files(under folder: String) -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(folder + "/" + next)
            }
        }
        return found.sorted()
    }

    /// The SHA-256 of a file, in hexadecimal (`sha256sum`, coreutils).
    static func sha256(of path: String) throws -> String {
        String(try run("sha256sum", [path]).prefix(64))
    }
}
