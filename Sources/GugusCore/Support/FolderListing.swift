import Foundation

/// The entries of one folder, read with `opendir`/`readdir`: names, kinds and inode numbers
/// without a `stat` per entry. (FileManager's listings cost several times more per entry:
/// on a rebuild with unchanged photos they were most of the time photos added.)
struct FolderListing {
    enum Kind: Sendable, Equatable {
        case file, folder, link, other
        /// The file system did not say: ask `lstat`.
        case unknown
    }

    struct Entry: Sendable {
        var name: String
        var kind: Kind
        var inode: UInt64
    }

    /// The entries of `path` other than `.` and `..`, in the order the file system gives
    /// them; nil when the folder cannot be opened.
    static func entries(of path: String) -> [Entry]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN): kind = .unknown
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind, inode: UInt64(entry.pointee.d_ino)))
        }
        return entries
    }

    /// The names in `path` (empty when it cannot be listed).
    static func names(of path: String) -> [String] {
        (entries(of: path) ?? []).map(\.name)
    }
}
