#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders (and the folders inside them) with Linux inotify and reports that
/// something changed. A thread sleeps in `read` until the kernel has news: no polling.
struct FileWatcher: Sendable {
    let folders: [String]

    enum WatchError: Error, CustomStringConvertible {
        case unavailable(Int32)
        var description: String {
            if case let .unavailable(code) = self { return "file watching is not available (inotify error \(code))" }
            return ""
        }
    }

    /// One element per batch of changes: the paths that changed.
    func changes() throws -> AsyncStream<[String]> {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.unavailable(errno) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)
        var watched: [Int32: String] = [:]
        for folder in folders { Self.addTree(folder, descriptor: descriptor, mask: mask, into: &watched) }
        let (stream, continuation) = AsyncStream<[String]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let initial = watched
        let thread = Thread {
            var watches = initial
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate(); close(descriptor) }
            while true {
                let count = read(descriptor, buffer, size)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                var offset = 0
                var changed: [String] = []
                while offset < count {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameLength = Int(event.len)
                    var name = ""
                    if nameLength > 0 {
                        let start = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                        name = String(cString: start)
                    }
                    let folder = watches[event.wd] ?? ""
                    let path = name.isEmpty ? folder : folder + "/" + name
                    // A new folder (a new media subfolder, say) is watched too.
                    if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        Self.addTree(path, descriptor: descriptor, mask: mask, into: &watches)
                    }
                    // Editors write temporary files (.swp, ~, .#x); they are not content.
                    if !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") && !changed.contains(path) { changed.append(path) }
                    offset += MemoryLayout<inotify_event>.size + nameLength
                }
                if !changed.isEmpty { continuation.yield(changed) }
            }
            continuation.finish()
        }
        thread.name = "gugus-watch"
        thread.start()
        return stream
    }

    private static func addTree(_ root: String, descriptor: Int32, mask: UInt32, into watched: inout [Int32: String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        var folders = [root]
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            while let next = enumerator.nextObject() as? String {
                let path = root + "/" + next
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { folders.append(path) }
            }
        }
        for folder in folders {
            let watch = inotify_add_watch(descriptor, folder, mask)
            if watch >= 0 { watched[watch] = folder }
        }
    }
}
