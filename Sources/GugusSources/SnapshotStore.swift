import Foundation
import GugusCore

/// A source's snapshot on disk: `content/sources/NAME/` and `content/sources/NAME.lock`.
/// A new snapshot is written beside the old one and swapped in by renaming, so that a
/// build never sees half of one.
struct SnapshotStore {
    let siteRoot: String
    let name: String

    var folder: String { siteRoot + "/" + SourceLock.folder(of: name) }
    var lockPath: String { siteRoot + "/" + SourceLock.path(of: name) }

    var hasSnapshot: Bool { FileManager.default.fileExists(atPath: folder) }

    func hasFile(_ file: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + file) }

    func read(_ file: String) -> Data? { FileManager.default.contents(atPath: folder + "/" + file) }

    func lock() -> SourceLock? { FileManager.default.contents(atPath: lockPath).flatMap(SourceLock.decode) }

    func replace(with files: [String: Data]) throws {
        let manager = FileManager.default
        let parent = (folder as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = parent + "/.\(name).new"
        let retired = parent + "/.\(name).old"
        try? manager.removeItem(atPath: staging)
        try? manager.removeItem(atPath: retired)
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for (file, data) in files.sorted(by: { $0.key < $1.key }) {
            try data.write(to: URL(fileURLWithPath: staging + "/" + file))
        }
        if manager.fileExists(atPath: folder) { try manager.moveItem(atPath: folder, toPath: retired) }
        try manager.moveItem(atPath: staging, toPath: folder)
        try? manager.removeItem(atPath: retired)
    }

    func writeLock(_ lock: SourceLock) throws {
        try lock.encoded().write(to: URL(fileURLWithPath: lockPath), options: .atomic)
    }
}
