import Foundation

/// The site to rewrite, made of the live one when there is none yet (the first build after a
/// build into an empty folder): each file of the live site that is still as Gugus recorded
/// it gets a second name in the new folder (a hard link, not a copy), so that the build
/// rewrites a whole site instead of creating tens of thousands of files and folders anew.
///
/// The two sites then share the files no build has changed since. Nothing writes through a
/// shared file: `OutputWriter.writeFile` replaces a file with more than one name instead of
/// overwriting it, and any other change to a file moves its time of status change, so the
/// other site's record no longer vouches for it and its next build writes it again.
enum LinkedCopy {
    /// Links the files of `live` that `record` still describes into `folder` (which must not
    /// exist yet); returns the record of what it linked (each file stamped as it is after
    /// linking, with the hash the live record gave it). Nil when there is nothing to link,
    /// or `folder` cannot be made.
    static func make(of live: String, record: WrittenRecord, in folder: String) -> WrittenRecord? {
        guard !record.files.isEmpty, mkdir(folder, 0o755) == 0 else { return nil }
        var folders: Set<String> = []
        for path in record.files.keys {
            var parent = OutputWriter.parent(of: path)
            while !parent.isEmpty, folders.insert(parent).inserted { parent = OutputWriter.parent(of: parent) }
        }
        do {
            try OutputWriter.createDirectories(folders, in: folder)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        let paths = record.files.keys.sorted()
        let runs = paths.indexRuns(of: 1024)
        let linked = ParallelMap.map(runs) { run -> [(String, WrittenFile)] in
            var linked: [(String, WrittenFile)] = []
            for path in paths[run] {
                guard let recorded = record.files[path], let stamp = link(live + "/" + path, to: folder + "/" + path, recorded: recorded) else { continue }
                linked.append((path, stamp))
            }
            return linked
        }
        var made = WrittenRecord()
        made.files.reserveCapacity(paths.count)
        for (path, stamp) in linked.joined() { made.files[path] = stamp }
        return made
    }

    /// Gives the live file a second name when it is still the recorded one; returns the new
    /// name's stamp (the file's, with the recorded hash), or nil when it was not linked.
    private static func link(_ source: String, to target: String, recorded: WrittenFile) -> WrittenFile? {
        var before = stat()
        guard lstat(source, &before) == 0, before.st_mode & S_IFMT == S_IFREG,
            WrittenFile(inode: UInt64(before.st_ino), size: Int(before.st_size), seconds: Int(before.st_ctim.tv_sec),
                        nanoseconds: Int(before.st_ctim.tv_nsec), hash: recorded.hash) == recorded,
            Glibc.link(source, target) == 0
        else { return nil }
        // Linking moves the time of status change; the bytes must not have moved with it (a
        // write in between would have moved the time of modification or the size).
        var after = stat()
        guard lstat(target, &after) == 0, after.st_ino == before.st_ino, after.st_size == before.st_size,
            after.st_mtim.tv_sec == before.st_mtim.tv_sec, after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
        else {
            unlink(target)
            return nil
        }
        return WrittenFile(inode: UInt64(after.st_ino), size: Int(after.st_size), seconds: Int(after.st_ctim.tv_sec),
                           nanoseconds: Int(after.st_ctim.tv_nsec), hash: recorded.hash)
    }

    /// The record of the replaced live site once the new one is written: the files the two
    /// still share take the new site's stamps (linking moved their time of status change,
    /// which the live record predates); the others keep what the live record said, which no
    /// longer matches them if anything changed them, so the next build writes them again.
    static func replacedRecord(_ live: WrittenRecord, sharingWith written: WrittenRecord, linked: WrittenRecord) -> WrittenRecord {
        var record = live
        for (path, stamp) in linked.files {
            guard let now = written.files[path], now.inode == stamp.inode, live.files[path] != nil else { continue }
            record.files[path] = now
        }
        return record
    }
}
