import Foundation

/// A raster image under `content/media/` as Load found it: what its name promises, what its
/// bytes are (their SHA-256) and what its header says. Its pixels are not read here.
public struct RasterSource: Sendable, Hashable {
    /// The format the file's name promises (`.jpg` → JPEG): its address keeps serving it.
    public var format: ImageFormat
    /// SHA-256 of the bytes, in hexadecimal ("" when they could not be read).
    public var digest: String
    var header: ImageHeader?
    /// Why the file cannot be published (Validate reports it where the file is used).
    public var problem: ImageProblem?

    /// Width and height as the picture is seen, EXIF orientation applied.
    public var orientedWidth: Int { header?.orientedWidth ?? 0 }
    public var orientedHeight: Int { header?.orientedHeight ?? 0 }
}

/// What is wrong with a media image, in words for the person who added it.
public struct ImageProblem: Sendable, Hashable {
    public var message: String
    public var hint: String
}

/// The identity of a file on disk without reading it: a file with the same inode, size and
/// times as recorded has the recorded bytes (any write moves the time of status change,
/// which cannot be set back).
struct FileStamp: Sendable, Hashable {
    var inode: UInt64
    var size: Int
    var modified: Int
    var changed: Int

    init?(of path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
        modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        changed = Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec)
    }

    init(inode: UInt64, size: Int, modified: Int, changed: Int) {
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }
}
