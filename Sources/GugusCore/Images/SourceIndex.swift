import Foundation

/// `.gugus-cache/images/sources.tsv`: for each raster of `content/media/`, its stamp, digest
/// and header, so that a rebuild with unchanged photos neither reads their bytes nor opens
/// them. A line whose stamp no longer holds is worked out anew.
struct SourceIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var stamp: FileStamp
        var digest: String
        var header: ImageHeader
    }

    var entries: [String: Entry] = [:]

    static let fileName = "sources.tsv"
    static let firstLine = "# gugus image sources v1: path, inode, size, modified, changed, sha256, width, height, orientation, alpha, loader"

    static func read(from folder: String) -> SourceIndex {
        var index = SourceIndex()
        guard case let .success(data) = SiteFiles.read(folder + "/" + fileName, upTo: 64 << 20) else { return index }
        // Split as bytes (splitting a String by characters took a millisecond for 50 lines).
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, first.elementsEqual(firstLine.utf8) else { return index }
        func text(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
        func number<N: FixedWidthInteger>(_ field: ArraySlice<UInt8>) -> N? { N(text(field)) }
        for line in lines.dropFirst() {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 11, let inode: UInt64 = number(fields[1]), let size: Int = number(fields[2]), let modified: Int = number(fields[3]),
                let changed: Int = number(fields[4]), fields[5].count == 64, let width: Int = number(fields[6]), let height: Int = number(fields[7]),
                let orientation: Int = number(fields[8]), (1...8).contains(orientation)
            else { continue }
            let header = ImageHeader(width: width, height: height, orientation: orientation, hasAlpha: fields[9].elementsEqual("1".utf8),
                                     loader: text(fields[10]))
            index.entries[text(fields[0])] = Entry(
                stamp: FileStamp(inode: inode, size: size, modified: modified, changed: changed), digest: text(fields[5]), header: header)
        }
        return index
    }

    /// The text of the index (paths sorted), for a file that is the same for the same sources.
    var text: String {
        var text = Self.firstLine + "\n"
        for path in entries.keys.sorted() {
            guard let entry = entries[path], !path.contains("\t"), !path.contains("\n") else { continue }
            let s = entry.stamp, h = entry.header
            text += "\(path)\t\(s.inode)\t\(s.size)\t\(s.modified)\t\(s.changed)\t\(entry.digest)\t\(h.width)\t\(h.height)\t\(h.orientation)\t\(h.hasAlpha ? 1 : 0)\t\(h.loader)\n"
        }
        return text
    }

    /// Writes the index atomically (a temporary file renamed over it); a cache that cannot
    /// be written only costs the next build some reading.
    func write(to folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + Self.fileName
        let temporary = path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)), rename(temporary, path) == 0 { return }
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
