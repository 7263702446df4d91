import CGugusSystem
import Foundation

/// Write: puts the files into a temporary folder beside the output, then swaps it in with
/// one atomic rename, so that a failed or interrupted build never leaves a half-written
/// site and the last good one stays served.
///
/// The site that was replaced is kept beside the output (`.public.gugus-previous`) and
/// the next build rewrites it in place: a site has a folder per page, and creating tens of
/// thousands of folders and files anew (and deleting as many) on every build costs more
/// than rendering them, most of all on file systems without a journal, where the kernel
/// skips recently deleted inodes one by one.
enum OutputWriter {
    /// A file in the output folder that marks it as written by Gugus (and so safe to replace).
    static let markerName = ".gugus-output"
    static let markerText = "This folder is written by `gugus build` and replaced as a whole on every build.\n"

    /// `linkedInodes`: the inode of each image-cache file, by path, as the Images phase
    /// listed it (a link already pointing at it is left as it is).
    /// `earlierRecord`: the record of the site kept beside the output, read beforehand
    /// (`earlierRecord(output:)`); read here when nil.
    static func write(
        _ files: [OutputFile], to output: String, siteRoot: String, linkedInodes: [String: UInt64] = [:], earlierRecord: WrittenRecord? = nil
    ) -> Result<Int, Diagnostic> {
        let manager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let outputPath = outputURL.path
        if let problem = refuseDangerousOutput(outputPath, siteRoot: siteRoot) { return .failure(problem) }
        let parent = outputURL.deletingLastPathComponent().path
        let name = outputURL.lastPathComponent
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            return .failure(failure("cannot create the folder \(parent): \(error.localizedDescription)", output: output))
        }
        // Two builds into one folder: the second waits for the first (and a crashed
        // build's lock goes with its process).
        let lock: OutputLock
        switch OutputLock.acquire(parent: parent, name: name) {
        case let .success(acquired): lock = acquired
        case let .failure(problem): return .failure(problem)
        }
        defer { lock.release() }
        _ = currentUmask  // read before any file is written
        removeStaleTemporaryFolders(in: parent, name: name)
        let temporary = parent + "/.\(name).gugus-tmp-\(getpid())"
        let previous = parent + "/.\(name).gugus-previous"
        try? manager.removeItem(atPath: temporary)
        let outputRecord = WrittenFiles.path(parent: parent, name: name, previous: false)
        let previousRecord = WrittenFiles.path(parent: parent, name: name, previous: true)
        // An earlier site kept beside an output that is gone (deleting the output asks for a
        // build from nothing), or kept without its record, is not the site before this one:
        // rewriting it would compress every page again, and it would stay in the way of the
        // site this build replaces.
        if !isWrittenByGugus(outputPath) || !manager.fileExists(atPath: previousRecord), isWrittenByGugus(previous) {
            try? manager.removeItem(atPath: previous)
        }
        // Only when there is a site to replace: deleting the output asks for a build from nothing.
        let reusing = isWrittenByGugus(outputPath) && isWrittenByGugus(previous) && rename(previous, temporary) == 0
        let records: WrittenRecord
        do {
            // With no earlier site to rewrite (the first build after one into an empty
            // folder), compressed copies whose bytes are unchanged are read from the site
            // being replaced instead of compressed again.
            let live = !reusing && isWrittenByGugus(outputPath) ? LiveSite(folder: outputPath, record: WrittenFiles.read(outputRecord)) : nil
            records = try writeAll(files, into: temporary, reusing: reusing, known: reusing ? earlierRecord ?? WrittenFiles.read(previousRecord) : WrittenRecord(),
                                   linkedInodes: linkedInodes, live: live)
        } catch {
            try? manager.removeItem(atPath: temporary)
            return .failure(failure("cannot write the site into \(parent): \(error.localizedDescription)", output: output))
        }
        let replacing = manager.fileExists(atPath: outputPath)
        if let problem = swap(temporary, into: outputPath, keepingPreviousAt: previous) {
            try? manager.removeItem(atPath: temporary)
            return .failure(problem)
        }
        // The records follow their folders. (A record that does not match its folder only
        // costs rewrites and listings: every file and folder is checked against it, by
        // inode and time of status change, before it is trusted.)
        try? manager.removeItem(atPath: previousRecord)
        if replacing { _ = rename(outputRecord, previousRecord) }
        let order = files.map(\.path)
        WrittenFiles.write(records, to: outputRecord, order: order)
        BackgroundRelease.free((consume records, consume order))
        return .success(files.count)
    }

    /// The record of the site kept beside `output`, which the next write rewrites (empty
    /// when there is none). Reading it changes nothing, so it may be read before the write
    /// takes the lock: the write checks each file against the record before trusting it.
    static func earlierRecord(output: String) -> WrittenRecord {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        return WrittenFiles.read(WrittenFiles.path(parent: parent, name: outputURL.lastPathComponent, previous: true))
    }

    static func failure(_ message: String, output: String) -> Diagnostic {
        Diagnostic(file: output, message: message + "; the previous site was left as it was",
                   hint: "check that the disk is not full and that you may write there, or choose another folder with --output")
    }

    /// Refuses to replace a folder that holds anything but an earlier build.
    static func refuseDangerousOutput(_ output: String, siteRoot: String) -> Diagnostic? {
        let site = URL(fileURLWithPath: siteRoot).standardizedFileURL.resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: output).resolvingSymlinksInPath().path
        for protected in [site, site + "/content", site + "/templates"] where protected == resolved || protected.hasPrefix(resolved + "/") || resolved == "/" {
            return Diagnostic(file: output, message: "the output folder would replace \(protected)",
                              hint: "choose an output folder of its own, like --output public")
        }
        if resolved.hasPrefix(site + "/content/") || resolved.hasPrefix(site + "/templates/") {
            return Diagnostic(file: output, message: "the output folder is inside the sources of the site",
                              hint: "choose an output folder outside content/ and templates/, like public")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return Diagnostic(file: output, message: "the output path is a file, not a folder", hint: "remove it or choose another --output")
        }
        let entries = ((try? manager.contentsOfDirectory(atPath: output)) ?? []).filter { $0 != ".gitkeep" && $0 != ".DS_Store" }
        if entries.isEmpty || entries.contains(markerName) { return nil }
        return Diagnostic(file: output, message: "the output folder already holds files that Gugus did not write",
                          hint: "Gugus replaces its output folder as a whole; empty it first or choose another folder with --output")
    }

    /// The process's file-creation mask, from /proc (reading it with `umask()` means setting
    /// it for a moment, which other threads creating files would see).
    static let currentUmask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// Whether a path is a real folder (not a link) holding Gugus's marker file.
    static func isWrittenByGugus(_ folder: String) -> Bool {
        var status = stat()
        guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return false }
        return lstat(folder + "/" + markerName, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Writes the files into `folder`: a new one, or (`reusing`) an earlier site whose files
    /// are overwritten and whose other entries are removed, so that it ends up the same.
    @discardableResult
    static func writeAll(
        _ files: [OutputFile], into folder: String, reusing: Bool = false, known: WrittenRecord = WrittenRecord(),
        linkedInodes: [String: UInt64] = [:], live: LiveSite? = nil
    ) throws -> WrittenRecord {
        let manager = FileManager.default
        if !reusing { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // Each run of files checked and its folders found on every core (a site has tens of
        // thousands of files, most of them beside others in their folder).
        let runs = files.indexRuns(of: 1024)
        // Each path with its place in `files` is listed on this thread while the other
        // cores check the paths, find their folders and hash the files' bytes.
        let (checked, listed) = Concurrently.run({ () -> (runs: [(unsafe: String?, directories: Set<String>)], hashes: [UInt64?]) in
            let checkedRuns = ParallelMap.map(runs) { run -> (unsafe: String?, directories: Set<String>) in
                var directories: Set<String> = []
                var last: Substring?
                for file in files[run] {
                    guard SitePath.isSafeRelative(file.path) else { return (file.path, []) }
                    let directory = file.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { file.path[..<$0] } ?? ""
                    if directory != last { directories.insert(String(directory)) }
                    last = directory
                }
                return (nil, directories)
            }
            // The hash of each file's bytes, once: a page's compressed copies are recorded
            // with the hash of the bytes they were made from, which are the page's.
            let hashes = ParallelMap.map(files) { file -> UInt64? in
                guard case let .bytes(data) = file.content else { return nil }
                return WrittenFiles.hash(data)
            }
            return (checkedRuns, hashes)
        }, alongside: { () -> (written: [String: Int], twice: String?) in
            var written: [String: Int] = [:]
            written.reserveCapacity(files.count + 1)
            for (index, file) in files.enumerated() where written.updateValue(index, forKey: file.path) != nil {
                return (written, file.path)
            }
            return (written, nil)
        })
        if let unsafe = checked.runs.lazy.compactMap(\.unsafe).first {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: unsafe])
        }
        if let twice = listed.twice {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: twice])
        }
        var written = listed.written
        let hashes = checked.hashes
        let directories = checked.runs.reduce(into: Set<String>()) { $0.formUnion($1.directories) }
        var allDirectories: Set<String> = []
        for directory in directories {
            var path = Substring(directory)
            while !path.isEmpty, allDirectories.insert(String(path)).inserted {
                // (By bytes, as the folders were found: a character search would walk the
                // path's grapheme clusters backwards, and miss a slash a combining mark follows.)
                path = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
            }
        }
        // A path cannot be a file and a folder at once (a fresh build would fail on it too).
        if let clash = allDirectories.first(where: { written[$0] != nil }) {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: clash])
        }
        let output = OutputFolder(folder)
        defer { output.close() }
        // Folders whose stamp is the one recorded: they exist, with the entries the earlier
        // build left in them (neither created nor listed again).
        let untouched = reusing ? untouchedFolders(allDirectories.union([""]), in: output, known: known.folders) : []
        try createDirectories(allDirectories.subtracting(untouched), in: folder)
        /// The hash of the bytes a compressed copy at `path` was made from: its page's, when
        /// the page is a file of this build with the same bytes (comparing them costs less
        /// than hashing them).
        let places = written
        @Sendable func sourceHash(_ source: Data, path: String, format: Precompression.Format) -> UInt64 {
            if path.hasSuffix(format.suffix), let index = places[String(path.dropLast(format.suffix.count))],
                case let .bytes(data) = files[index].content, let hash = hashes[index], Self.sameBytes(data, source) {
                return hash
            }
            return WrittenFiles.hash(source)
        }
        // Files are independent: write them on every core.
        // (`record` is nil for copies and links; `fresh` tells whether the file was made anew;
        // `inode` is a link's; `recorded`, whether the earlier build recorded a file there.)
        let results = ParallelMap.map(Array(files.indices)) { index -> (failure: String?, record: WrittenFile?, fresh: Bool, inode: UInt64?, recorded: Bool) in
            let file = files[index]
            let target = folder + "/" + file.path
            switch file.content {
            case let .bytes(data):
                let earlier = known.files[file.path]
                let hash = hashes[index] ?? WrittenFiles.hash(data)
                if reusing, case let (path, base) = output.lookUp(file.path),
                    WrittenFiles.unchanged(path, relativeTo: base, record: earlier, size: data.count, hash: hash) {
                    return (nil, earlier, false, nil, true)
                }
                if let failure = writeFile(data, to: target) { return (failure, nil, true, nil, earlier != nil) }
                return (nil, WrittenFiles.record(target, hash: hash), true, nil, earlier != nil)
            case let .compressed(source, format):
                // Recorded with the hash of the bytes it was made from: unchanged bytes, no work.
                let earlier = known.files[file.path]
                let sourceHash = sourceHash(source, path: file.path, format: format)
                if reusing, case let (path, base) = output.lookUp(file.path),
                    WrittenFiles.unchanged(path, relativeTo: base, record: earlier, sourceHash: sourceHash) {
                    return (nil, earlier, false, nil, true)
                }
                guard let data = live?.compressedCopy(file.path, sourceHash: sourceHash) ?? Precompression.compress(source, as: format) else {
                    return ("\(file.path): the file cannot be compressed", nil, true, nil, earlier != nil)
                }
                if let failure = writeFile(data, to: target) { return (failure, nil, true, nil, earlier != nil) }
                return (nil, WrittenFiles.record(target, hash: sourceHash), true, nil, earlier != nil)
            case let .copy(source):
                do {
                    if reusing { try? FileManager.default.removeItem(atPath: target) }
                    try FileManager.default.copyItem(atPath: source, toPath: target)
                    return (nil, nil, true, nil, false)
                } catch {
                    return ("\(file.path): \(error.localizedDescription)", nil, true, nil, false)
                }
            case let .link(source):
                // Already the same file (an earlier build linked it): nothing to do. Without a
                // call when its folder is untouched (its names lead to the inodes they led to)
                // and the record's inode is the cache file's.
                if reusing, let inode = linkedInodes[source], known.links[file.path] == inode, untouched.contains(parent(of: file.path)) {
                    return (nil, nil, false, inode, false)
                }
                if reusing, let inode = sameFile(target, source) { return (nil, nil, false, inode, false) }
                let failure = linkOrCopy(source, to: target, replacing: reusing)
                return (failure, nil, true, failure == nil ? linkedInode(target, source) : nil, false)
            }
        }
        if let failure = results.lazy.compactMap(\.failure).first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
        }
        // The folders whose entries this build may have changed: their stamps are taken
        // anew. (A folder created or listed; the parent of a created folder, of a new file
        // and of a copy, which is always made anew.)
        var changed = allDirectories.union([""]).subtracting(untouched)
        for directory in changed where !directory.isEmpty { changed.insert(parent(of: directory)) }
        for (file, result) in zip(files, results) {
            switch file.content {
            case .copy, .link:
                if result.fresh { changed.insert(parent(of: file.path)) }
            case .bytes, .compressed:
                if !result.recorded { changed.insert(parent(of: file.path)) }
            }
        }
        // The record of the files is made on another core while what the earlier site left
        // is removed.
        if reusing { written[markerName] = files.count }
        let kept = written
        let (built, removal) = Concurrently.run({ () -> WrittenRecord in
            var records = WrittenRecord()
            records.files.reserveCapacity(files.count)
            for (file, result) in zip(files, results) {
                switch file.content {
                case .copy:
                    records.copies.insert(file.path)
                case .link:
                    // (A copy made where a link could not be is recorded as a copy.)
                    if let inode = result.inode { records.links[file.path] = inode } else { records.copies.insert(file.path) }
                case .bytes, .compressed:
                    records.files[file.path] = result.record
                }
            }
            return records
        }, alongside: { () -> Result<Set<String>, any Error> in
            guard reusing else { return .success([]) }
            // The paths this build records, in its order (as the record's lines will be).
            let recordedPaths = files.compactMap { file -> String? in
                switch file.content {
                case .bytes, .compressed: return file.path
                case .copy, .link: return nil
                }
            }
            return Result {
                try removeEntries(of: folder, except: kept, directories: allDirectories, untouched: untouched, earlier: known, recordedPaths: recordedPaths)
            }
        })
        var records = built
        changed.formUnion(try removal.get())
        if let failure = writeFile(Data(markerText.utf8), to: folder + "/" + markerName) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
        }
        // Untouched folders that nothing changed keep their stamps.
        records.folders = stamps(of: changed.intersection(allDirectories.union([""])), in: output)
        for relative in untouched where !changed.contains(relative) { records.folders[relative] = known.folders[relative] }
        return records
    }

    /// Whether the two hold the same bytes: at once when they share their storage, as a
    /// page and the source of its compressed copies do.
    static func sameBytes(_ first: Data, _ second: Data) -> Bool {
        guard first.count == second.count else { return false }
        let shared = first.withUnsafeBytes { a in second.withUnsafeBytes { b in a.baseAddress == b.baseAddress } }
        return shared || first == second
    }

    /// The site in the output folder, which a build replaces, with its record.
    struct LiveSite: Sendable {
        var folder: String
        var record: WrittenRecord

        /// The bytes of the site's compressed copy at `path` when it was made from bytes with
        /// this hash and is still the file Gugus wrote (same inode, size and time of status
        /// change as recorded).
        func compressedCopy(_ path: String, sourceHash: UInt64) -> Data? {
            let file = folder + "/" + path
            guard let recorded = record.files[path], WrittenFiles.unchanged(file, record: recorded, sourceHash: sourceHash),
                let data = FileManager.default.contents(atPath: file), data.count == recorded.size,
                // (Still untouched once read.)
                WrittenFiles.unchanged(file, record: recorded, sourceHash: sourceHash)
            else { return nil }
            return data
        }
    }

    /// The inode of `first` when both paths name the same file: an earlier build's link.
    static func sameFile(_ first: String, _ second: String) -> UInt64? {
        var a = stat(), b = stat()
        guard lstat(first, &a) == 0 && stat(second, &b) == 0 && a.st_mode & S_IFMT == S_IFREG && a.st_ino == b.st_ino && a.st_dev == b.st_dev
        else { return nil }
        return UInt64(a.st_ino)
    }

    /// The inode of a link just made, nil when `target` turned out a copy.
    private static func linkedInode(_ target: String, _ source: String) -> UInt64? {
        sameFile(target, source)
    }

    /// A hard link to `source` at `target` (no bytes copied), or a copy where the two are on
    /// different file systems; nil on success, else what failed.
    static func linkOrCopy(_ source: String, to target: String, replacing: Bool) -> String? {
        if replacing {
            var status = stat()
            if lstat(target, &status) == 0 {
                if status.st_mode & S_IFMT == S_IFDIR { try? FileManager.default.removeItem(atPath: target) } else { unlink(target) }
            }
        }
        if link(source, target) == 0 { return nil }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
            return nil
        } catch {
            return "\(target): \(error.localizedDescription)"
        }
    }

    /// `berita/x/index.html` → `berita/x`; `index.html` → "".
    static func parent(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }

    /// The folders (of `candidates`, relative to `folder`) whose stamp is the recorded one.
    static func untouchedFolders(_ candidates: Set<String>, in output: OutputFolder, known: [String: FolderStamp]) -> Set<String> {
        let recorded = candidates.filter { known[$0] != nil }
        let same = ParallelMap.map(Array(recorded)) { relative in
            let (path, base) = output.lookUp(relative)
            return FolderStamp(of: path, relativeTo: base) == known[relative]
        }
        return Set(zip(recorded, same).filter(\.1).map(\.0))
    }

    /// The stamps of the folders as they are now, for the next build that rewrites them.
    /// A folder changed in the last two seconds gets none: on a file system that keeps
    /// times to the second (or two), another change within that time would not move it.
    static func stamps(of folders: Set<String>, in output: OutputFolder) -> [String: FolderStamp] {
        let settled = Date().timeIntervalSince1970 - 2
        let list = Array(folders)
        let found = ParallelMap.map(list) { relative in
            let (path, base) = output.lookUp(relative)
            return FolderStamp(of: path, relativeTo: base)
        }
        var stamps: [String: FolderStamp] = [:]
        for (relative, stamp) in zip(list, found) {
            if let stamp, Double(stamp.seconds) + Double(stamp.nanoseconds) / 1e9 < settled { stamps[relative] = stamp }
        }
        return stamps
    }

    /// Creates every folder the files need, parents first, with one `mkdir` each: a site
    /// has a folder per page. (On one core: folders of one parent created on two cores wait
    /// for each other in the kernel.)
    static func createDirectories(_ all: Set<String>, in folder: String) throws {
        // Sorted, a parent comes before its children.
        for directory in all.sorted() where directory != "." {
            let path = folder + "/" + directory
            if mkdir(path, 0o755) == 0 { continue }
            var status = stat()
            // An earlier site may have a file (or a link) where this one needs a folder.
            if errno == EEXIST, lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR, unlink(path) == 0,
                mkdir(path, 0o755) == 0 {
                continue
            }
            guard errno == EEXIST else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(directory): \(String(cString: strerror(errno)))"])
            }
        }
    }

    /// Removes what an earlier site left in `folder` that this one does not have; returns
    /// the folders it removed something from without listing them.
    /// Folders in `untouched` are not listed: their entries are the ones `earlier` recorded.
    @discardableResult
    static func removeEntries(
        of folder: String, except keptFiles: [String: Int], directories keptDirectories: Set<String>,
        untouched: Set<String> = [], earlier: WrittenRecord = WrittenRecord(), recordedPaths: [String] = []
    ) throws -> Set<String> {
        let kept = KeptPaths(files: keptFiles, directories: keptDirectories)
        // Leftovers of untouched folders, from the record: each recorded file that is not
        // kept, or its highest folder that is not kept. (On every core: a site has tens of
        // thousands of files.)
        var leftovers: [String: Set<[UInt8]>] = [:]
        if !untouched.isEmpty {
            // When the earlier build recorded exactly the files this one writes, in its order
            // (a rebuild of the same site), none of them is a leftover: only its copies and
            // links are looked up.
            let recorded = (earlier.recordsExactly(recordedPaths) ? [] : Array(earlier.files.keys)) + earlier.copies + earlier.links.keys
            let chunks = recorded.indexRuns(of: 2048).map { recorded[$0] }
            let found = ParallelMap.map(chunks) { chunk -> [(parent: String, child: String)] in
                var found: [(parent: String, child: String)] = []
                for path in chunk where !kept.hasFile(path) {
                    var child = path
                    var parent = parent(of: path)
                    while !parent.isEmpty && !kept.hasDirectory(parent) {
                        child = parent
                        parent = Self.parent(of: parent)
                    }
                    // (A path may have turned from a folder into a file, or the other way:
                    // then it is kept, and the new file or folder is already in its place.)
                    if untouched.contains(parent) && !kept.hasFile(child) && !kept.hasDirectory(child) {
                        found.append((parent, child))
                    }
                }
                return found
            }
            for (parent, child) in found.joined() { leftovers[parent, default: []].insert(Array(child.utf8)) }
        }
        for (_, children) in leftovers { try remove(children.sorted { $0.lexicographicallyPrecedes($1) }, from: folder) }

        // The other folders are listed, each on its own (a leftover folder goes with its
        // parent's listing), so the listings are independent and run on every core.
        let listed = ([""] + keptDirectories.filter { $0 != "." && !$0.isEmpty }.sorted()).filter { !untouched.contains($0) }
        guard !listed.isEmpty else { return Set(leftovers.keys) }
        let failures = ParallelMap.map(listed) { relative -> String? in
            do {
                try removeEntries(in: relative, of: folder, keeping: kept)
                return nil
            } catch {
                return error.localizedDescription
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
        }
        return Set(leftovers.keys)
    }

    /// The files and folders a build keeps, looked up by their bytes: Swift's `String`
    /// equality would take a leftover `café` written in decomposed form for the new `café`.
    struct KeptPaths: Sendable {
        var files: [String: Int]
        var directories: Set<String>

        func hasFile(_ path: String) -> Bool {
            guard let index = files.index(forKey: path) else { return false }
            return Self.sameBytes(files[index].key, path)
        }

        func hasDirectory(_ path: String) -> Bool {
            guard let index = directories.firstIndex(of: path) else { return false }
            return Self.sameBytes(directories[index], path)
        }

        static func sameBytes(_ first: String, _ second: String) -> Bool {
            var first = first, second = second
            return first.withUTF8 { a in second.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
        }
    }

    /// Removes the entries of one folder of `folder` that are neither kept files nor kept folders.
    private static func removeEntries(in relative: String, of folder: String, keeping kept: KeptPaths) throws {
        let path = relative.isEmpty ? folder : folder + "/" + relative
        guard let stream = opendir(path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
        }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        closedir(stream)
        let children = names.map { relative.isEmpty ? $0 : Array(relative.utf8) + [0x2F] + $0 }
        try remove(children.filter { child in
            // A name that is not UTF-8 is no path of the site.
            guard let path = String(validating: child, as: UTF8.self) else { return true }
            return !kept.hasDirectory(path) && !kept.hasFile(path)
        }, from: folder)
    }

    /// Removes entries (paths relative to `folder`, as bytes) and, for folders, what they hold.
    private static func remove(_ leftovers: [[UInt8]], from folder: String) throws {
        for child in leftovers {
            // Removed by its bytes (the name may not be valid UTF-8).
            let path = Array(folder.utf8) + [0x2F] + child + [0]
            var status = stat()
            let removed = path.withUnsafeBufferPointer { buffer -> Bool in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let base = chars.baseAddress else { return false }
                    if lstat(base, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                        return (try? FileManager.default.removeItem(atPath: String(cString: base))) != nil
                    }
                    return unlink(base) == 0
                }
            }
            guard removed else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot remove \(String(decoding: child, as: UTF8.self)) from an earlier site"])
            }
        }
    }

    /// Writes bytes with plain POSIX calls; returns a description of the failure, if any.
    static func writeFile(_ data: Data, to path: String) -> String? {
        let flags = O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW
        var descriptor = open(path, flags, 0o644)
        var status = stat()
        if descriptor >= 0 {
            guard fstat(descriptor, &status) == 0 else {
                close(descriptor)
                return "\(path): \(String(cString: strerror(errno)))"
            }
            // Not a plain file of its own (another name links to it), or not ours to write.
            if status.st_mode & S_IFMT != S_IFREG || status.st_nlink > 1 || status.st_mode & 0o7777 != 0o644 & ~currentUmask {
                close(descriptor)
                descriptor = -1
                errno = EISDIR
            }
        }
        if descriptor < 0 && (errno == ELOOP || errno == EISDIR || errno == EACCES || errno == EPERM) {
            // An earlier site had a link, a folder, a shared or protected file here: replace
            // it, never write through it.
            try? FileManager.default.removeItem(atPath: path)
            descriptor = open(path, flags | O_EXCL, 0o644)
            status.st_size = 0
        }
        guard descriptor >= 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        // Overwritten in place, then cut to its new length: emptying a file first makes ext4
        // write it to disk when it is closed (its guard for files replaced by truncation).
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = pwrite(descriptor, base + offset, buffer.count - offset, off_t(offset))
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = "\(path): \(String(cString: strerror(errno)))"
                    return
                }
                offset += count
            }
        }
        if failure == nil && Int(status.st_size) > data.count && ftruncate(descriptor, off_t(data.count)) != 0 {
            failure = "\(path): \(String(cString: strerror(errno)))"
        }
        return failure
    }

    /// Exchanges the new folder with the old one atomically (renameat2 on Linux), or moves
    /// it into place when there is no old one.
    static func swap(_ temporary: String, into output: String, keepingPreviousAt kept: String) -> Diagnostic? {
        let manager = FileManager.default
        /// The replaced site becomes the folder the next build rewrites.
        func keep(_ folder: String) {
            if rename(folder, kept) != 0 { try? manager.removeItem(atPath: folder) }
        }
        if !manager.fileExists(atPath: output) {
            if rename(temporary, output) == 0 { return nil }
            return failure("cannot move the new site into place: \(String(cString: strerror(errno)))", output: output)
        }
        if gugus_exchange_paths(temporary, output) == 0 {
            keep(temporary)  // now holds the previous site
            return nil
        }
        // File systems without an atomic exchange: two renames, the old site kept until the end.
        let previous = temporary + "-previous"
        guard rename(output, previous) == 0 else {
            return failure("cannot replace \(output): \(String(cString: strerror(errno)))", output: output)
        }
        guard rename(temporary, output) == 0 else {
            _ = rename(previous, output)
            return failure("cannot move the new site into place: \(String(cString: strerror(errno)))", output: output)
        }
        keep(previous)
        return nil
    }

    /// Temporary folders left by builds that were killed.
    static func removeStaleTemporaryFolders(in parent: String, name: String) {
        let prefix = ".\(name).gugus-tmp-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }  // another build is running
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }
}

/// The folder being written, opened once so that its files and folders are looked up from
/// it: the kernel walks every folder of a path at each look-up, and an output folder is often
/// deeper than the site's own folders (eight folders in the benchmark, against three).
struct OutputFolder: Sendable {
    let path: String
    private let descriptor: Int32

    init(_ path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// How to look up `relative` (a path in the folder, "" for the folder itself): relative to
    /// the open folder, or by its whole path when the folder could not be opened.
    func lookUp(_ relative: String) -> (path: String, base: Int32?) {
        if relative.isEmpty { return (path, nil) }
        return descriptor >= 0 ? (relative, descriptor) : (path + "/" + relative, nil)
    }

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }
}
