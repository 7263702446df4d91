import Foundation

/// The dev server's writes after an edit: a few files of an existing site replaced in place,
/// through the Write stage like a full build's (the output's lock, so that a `gugus build`
/// into the same folder waits; every file made beside its place and renamed into it, so
/// that a browser never reads half a file). The record of written files is left as it is:
/// the next full build finds the replaced files' new inodes and writes them again.
extension OutputWriter {
    /// Writes the files whose bytes (or linked file) differ from what the folder holds;
    /// returns how many it wrote, or nil when one could not be written (the full build that
    /// follows writes them all).
    static func replace(_ files: [OutputFile], in output: String) -> Int? {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let lock: OutputLock
        switch OutputLock.acquire(parent: outputURL.deletingLastPathComponent().path, name: outputURL.lastPathComponent) {
        case let .success(acquired): lock = acquired
        case .failure: return nil
        }
        defer { lock.release() }
        var written = 0
        for file in files {
            guard SitePath.isSafeRelative(file.path) else { return nil }
            let target = output + "/" + file.path
            let temporary = target + ".gugus-tmp-\(getpid())"
            try? FileManager.default.createDirectory(atPath: parent(of: target), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: temporary)
            switch file.content {
            case let .bytes(data):
                if FileManager.default.contents(atPath: target) == data { continue }
                guard writeFile(data, to: temporary) == nil else {
                    try? FileManager.default.removeItem(atPath: temporary)
                    return nil
                }
            case let .copy(source), let .link(source):
                if case .link = file.content, sameFile(target, source) != nil { continue }
                guard linkOrCopy(source, to: temporary, replacing: false) == nil else {
                    try? FileManager.default.removeItem(atPath: temporary)
                    return nil
                }
            case .compressed:
                continue  // the dev server writes no compressed copies
            }
            guard rename(temporary, target) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return nil
            }
            written += 1
        }
        return written
    }
}
