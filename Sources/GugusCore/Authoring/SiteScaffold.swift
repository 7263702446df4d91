import Foundation

/// `gugus init`: a new site that builds at once, with the recipes to publish it (`deploy/`,
/// the CI files). Everything comes from the binary (the default theme is built in), so it
/// works from an installed `gugus` anywhere on disk.
public enum SiteScaffold {
    /// The files of a new site, relative to its folder. With `withTheme`, the built-in
    /// theme is copied into `templates/` to be changed.
    public static func files(today: CivilDate, withTheme: Bool = false) -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = [
            ("content/site.yaml", ScaffoldSettings.siteYAML),
            ("content/regions.yaml", ScaffoldSettings.regionsYAML),
            ("content/media/.gitkeep", ""),
            (".gitignore", ScaffoldSettings.gitignore),
        ]
        files += ScaffoldExamples.files(today: today)
        // How to publish it: nginx on the office's server, or GitHub / GitLab Pages.
        files += DeployRecipes.files
        if withTheme {
            files += DefaultTheme.files.keys.sorted().compactMap { path in
                DefaultTheme.files[path].map { ("templates/" + path, $0) }
            }
        }
        return files
    }

    /// Creates the site in `folder`, which must not exist yet or be empty. Writes all the
    /// files or, when one cannot be written, removes what it wrote. Returns the paths written.
    @discardableResult
    public static func create(at folder: String, today: CivilDate, withTheme: Bool = false) throws(AuthoringError) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else {
                throw AuthoringError("\(folder) is a file, not a folder",
                                     hint: "give the name of a new folder, e.g. `gugus init situs-gugus-tugas`")
            }
            let entries = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            if !entries.isEmpty {
                let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                throw AuthoringError("the folder \(folder) is not empty (it holds \(shown)); nothing was written",
                                     hint: "gugus init only writes into a new or empty folder: give a new name, e.g. `gugus init situs-gugus-tugas`")
            }
        }
        let files = self.files(today: today, withTheme: withTheme)
        var written: [String] = []
        do {
            for file in files {
                let url = URL(fileURLWithPath: folder + "/" + file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(file.path)
            }
        } catch {
            undo(folder: folder, existed: existed)
            throw AuthoringError("the new site cannot be written in \(folder): \(error.localizedDescription)",
                                 hint: "check that you may write in that place, or choose another folder")
        }
        return written
    }

    /// Leaves the folder as it was: removed when it was new, emptied when it was empty.
    private static func undo(folder: String, existed: Bool) {
        let manager = FileManager.default
        guard existed else {
            try? manager.removeItem(atPath: folder)
            return
        }
        for entry in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
            try? manager.removeItem(atPath: folder + "/" + entry)
        }
    }
}
