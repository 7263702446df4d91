import Foundation

/// Read-only access to the files of a site, confined to the site's folder: a symbolic link
/// that leads outside it is reported, never followed.
struct SiteFiles: Sendable {
    let root: String
    let resolvedRoot: String
    /// Files that a listing found to be plain files (no link) in a folder that is inside the
    /// site: read without asking the file system again where they lead.
    private(set) var plainFiles: Set<String> = []

    init(root: String) {
        self.root = root
        self.resolvedRoot = realpath(root, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? URL(fileURLWithPath: root).standardizedFileURL.path
    }

    func absolute(_ relative: String) -> String { root + "/" + relative }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(relative))
    }

    /// Whether the path, after following links, stays inside the site.
    func staysInside(_ relative: String) -> Bool {
        guard let pointer = realpath(absolute(relative), nil) else { return false }
        defer { free(pointer) }
        let resolved = String(cString: pointer)
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    func readText(_ relative: String, limit: Int, diagnostics: inout DiagnosticLog) -> SourceText? {
        guard plainFiles.contains(relative) || exists(relative) else { return nil }
        guard plainFiles.contains(relative) || staysInside(relative) else {
            diagnostics.error(SourceLocation(file: relative), "this file is a link to a place outside the site folder",
                              hint: "copy the file into the site instead of linking to it")
            return nil
        }
        let data: Data
        switch Self.read(absolute(relative), upTo: limit + 1) {
        case let .success(bytes): data = bytes
        case let .failure(problem):
            diagnostics.error(SourceLocation(file: relative), "the file cannot be read: \(problem)",
                              hint: "check that the file exists and that you may read it")
            return nil
        }
        switch SourceText.decode(data, path: relative, limit: limit) {
        case let .success(source): return source
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    struct ReadFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// At most `limit` bytes of a file, with plain POSIX calls.
    static func read(_ path: String, upTo limit: Int) -> Result<Data, ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure(description: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var data = Data()
        // (Not zeroed: zeroing 64 KB for each file of a few KB was 2 % of a build.)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while data.count < limit {
            let wanted = min(chunk.count, limit - data.count)
            let count = Foundation.read(descriptor, chunk.baseAddress, wanted)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(description: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        return .success(data)
    }

    /// The `.md` files directly inside a folder, sorted by name.
    mutating func markdownFiles(in folder: String, diagnostics: inout DiagnosticLog) -> [String] {
        let entries = FolderListing.entries(of: absolute(folder)) ?? []
        let folderInside = staysInside(folder)
        return entries.sorted { $0.name < $1.name }.compactMap { entry in
            guard entry.name.hasSuffix(".md"), !entry.name.hasPrefix(".") else { return nil }
            let path = folder + "/" + entry.name
            if entry.kind == .file {
                if folderInside { plainFiles.insert(path) }
                return path
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return path
        }
    }

    /// Every file under `content/media/`, sorted, with its size. Folders are walked (a
    /// folder reached through a link is not); names starting with a dot are left out.
    func mediaFiles(diagnostics: inout DiagnosticLog) -> [MediaFile] {
        let base = "content/media"
        var files: [MediaFile] = []
        var folders: [String] = [""]  // relative to content/media/
        guard FolderListing.entries(of: absolute(base)) != nil else { return [] }
        while let folder = folders.popLast() {
            for entry in FolderListing.entries(of: absolute(base + (folder.isEmpty ? "" : "/" + folder))) ?? [] {
                let next = folder.isEmpty ? entry.name : folder + "/" + entry.name
                let relative = base + "/" + next
                var kind = entry.kind
                var status = stat()
                if kind == .unknown || kind == .file || kind == .link {
                    // (lstat directly: Foundation's attributes cost a dictionary per file.)
                    guard lstat(absolute(relative), &status) == 0 else { continue }
                    switch status.st_mode & S_IFMT {
                    case S_IFREG: kind = .file
                    case S_IFDIR: kind = .folder
                    case S_IFLNK: kind = .link
                    default: kind = .other
                    }
                }
                if kind == .folder {
                    folders.append(next)
                    continue
                }
                if entry.name.hasPrefix(".") { continue }
                if kind == .link {
                    guard staysInside(relative) else {
                        diagnostics.error(SourceLocation(file: relative), "this media file is a link to a place outside the site folder",
                                          hint: "copy the file into content/media/ instead of linking to it")
                        continue
                    }
                    guard stat(absolute(relative), &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
                } else if kind != .file {
                    continue
                }
                files.append(MediaFile(path: next, absolutePath: absolute(relative), size: Int(status.st_size)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Markdown files where no content type reads them are a likely mistake.
    func reportStrayEntries(diagnostics: inout DiagnosticLog) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute("content"))) ?? []
        // content/reports/ holds the annual reports' forewords (`gugus report`).
        let known = Set(ContentKind.allCases.map(\.folder) + ["media", "reports", "sources", "site.yaml", "regions.yaml", "gone.yaml"])
        for name in names.sorted() where !known.contains(name) && !name.hasPrefix(".") {
            if name.hasSuffix(".md") || !name.contains(".") {
                diagnostics.warning(SourceLocation(file: "content/" + name), "Gugus does not read this \(name.contains(".") ? "file" : "folder")",
                                    hint: "content goes in content/news, events, decrees, pages, statistics or media (and a year's report in content/reports)")
            }
        }
    }
}

/// Rules for paths written in front matter and Markdown.
enum SitePath {
    /// A relative path without `..`, absolute parts, backslashes or control characters.
    static func isSafeRelative(_ path: some StringProtocol) -> Bool {
        // As bytes: every character checked here is ASCII, which UTF-8 never uses inside others.
        // One pass, segment by segment: a segment may be neither empty, `.` nor `..`.
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), backslash = UInt8(ascii: "\\")
        let bytes = path.utf8
        guard let first = bytes.first, first != slash, bytes.count < 1024 else { return false }
        var length = 0
        var dots = 0
        func segmentIsNamed() -> Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || byte == backslash { return false }
            if byte == slash {
                guard segmentIsNamed() else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == dot { dots += 1 }
            }
        }
        return segmentIsNamed()
    }

    /// A media reference (`media/foto/x.jpg`, `/media/foto/x.jpg` or `foto/x.jpg`) as a path under media/.
    static func mediaPath(_ reference: String) -> String? {
        var path = reference[...]
        if path.hasPrefix("/") { path = path.dropFirst() }
        if path.hasPrefix("content/") { path = path.dropFirst("content/".count) }
        if path.hasPrefix("media/") { path = path.dropFirst("media/".count) }
        guard isSafeRelative(path) else { return nil }
        return path.startIndex == reference.startIndex ? reference : String(path)
    }
}
