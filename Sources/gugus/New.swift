import ArgumentParser
import Foundation
import GugusCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new draft content file with every field of its type.",
        discussion: """
            TYPE: news (berita), event (kegiatan), decree (regulasi), page (halaman), \
            statistics (statistik). Writes content/<folder>/<slug>.md with `draft: true`, the \
            slug made from the title (lower case, ASCII, dashes); for statistics also the CSV \
            beside it. Never overwrites a file (exit status 1).
            """
    )

    @Argument(help: "news, event, decree, page, statistics (or berita, kegiatan, regulasi, halaman, statistik).")
    var type: String

    @Argument(help: "The title, in quotes: \"Rakor Gugus Tugas 2024\".")
    var title: String

    @Option(help: "The site folder (default: the current folder).")
    var site: String = "."

    @Option(help: "The date to fill in, YYYY-MM-DD (default: today in the site's time zone).")
    var now: String?

    @Option(help: "The file name without .md, instead of one made from the title.")
    var slug: String?

    func validate() throws {
        guard ContentKind(commandName: type) != nil else {
            throw ValidationError("unknown type \"\(type)\"; use news, event, decree, page or statistics (or berita, kegiatan, regulasi, halaman, statistik)")
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the title is empty; write it in quotes: gugus new \(type) \"Judul\"")
        }
        if let now, CivilDate(iso: now) == nil {
            throw ValidationError("--now must be a date written YYYY-MM-DD, like 2024-07-25")
        }
        guard FileManager.default.fileExists(atPath: site + "/content/site.yaml") else {
            throw ValidationError("\(site) is not a Gugus site (it has no content/site.yaml); create one with `gugus init FOLDER` or give --site FOLDER")
        }
    }

    func run() throws {
        let console = Console()
        guard let kind = ContentKind(commandName: type) else { throw ExitCode(2) }
        let written: [String]
        do {
            written = try NewContent.create(
                kind, title: title.trimmingCharacters(in: .whitespaces), slug: slug, siteRoot: site,
                now: now.flatMap { CivilDate(iso: $0) })
        } catch {
            console.error(error.description)
            throw ExitCode(1)
        }
        let prefix = site == "." || site == "./" ? "" : (site.hasSuffix("/") ? site : site + "/")
        for path in written { console.print(prefix + path) }
        let build = prefix.isEmpty ? "gugus build --drafts" : "gugus build \(site) --drafts"
        console.status("""
            Draf dibuat. Isi kolom bertanda GANTI, lalu hapus `draft: true` untuk menerbitkan. Pratinjau: \(build)
            Draft written. Fill in the fields marked GANTI, then remove `draft: true` to publish. Preview: \(build)
            """)
    }
}
