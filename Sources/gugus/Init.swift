import ArgumentParser
import Foundation
import GugusCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site: settings, regions and one example of each content type.",
        discussion: """
            Buat situs baru di FOLDER: content/site.yaml dan content/regions.yaml dengan \
            keterangan, satu contoh berita, kegiatan, SK, halaman dan statistik. The folder must \
            be new or empty; nothing is written otherwise (exit status 1). The site builds at once \
            with `gugus build FOLDER`.
            """
    )

    @Argument(help: "The folder of the new site (new or empty).")
    var folder: String = "."

    @Flag(name: .customLong("with-theme"), help: "Also copy the built-in theme into FOLDER/templates, to change it.")
    var withTheme = false

    @Option(help: "The date of the examples, YYYY-MM-DD (default: today in Asia/Jakarta).")
    var now: String?

    func validate() throws {
        if let now, CivilDate(iso: now) == nil {
            throw ValidationError("--now must be a date written YYYY-MM-DD, like 2024-07-25")
        }
    }

    func run() throws {
        let console = Console()
        let today = now.flatMap { CivilDate(iso: $0) } ?? TimeZoneInfo.today(in: "Asia/Jakarta")
        do {
            let written = try SiteScaffold.create(at: folder, today: today, withTheme: withTheme)
            console.print(nextSteps(filesWritten: written.count))
        } catch {
            console.error(error.description)
            throw ExitCode(1)
        }
    }

    func nextSteps(filesWritten: Int) -> String {
        let here = folder == "." || folder == "./"
        let site = here ? "" : " --site \(quoted(folder))"
        let build = here ? "gugus build" : "gugus build \(quoted(folder))"
        let output = here ? "public" : "\(folder)/public"
        var lines = [
            "Situs baru dibuat di \(folder) (\(filesWritten) berkas). / New site created in \(folder).",
            "",
            "Langkah berikutnya / Next steps:",
            "  1. Ubah content/site.yaml: nama situs, base_url, kantor dan wilayah; ganti wilayah contoh di content/regions.yaml.",
            "     Edit content/site.yaml (title, base_url, organization) and the example regions.",
            "  2. Tulis konten baru / Write new content:",
            "       gugus new berita \"Judul Berita\"\(site)",
            "       gugus new kegiatan \"Sosialisasi di Kecamatan X\"\(site)",
            "  3. Bangun situs / Build the site:",
            "       \(build) --drafts     (dengan contoh-contoh draf / with the draft examples)",
            "       \(build)              (situs publik / the public site)",
            "     lalu buka / then open: python3 -m http.server -d \(quoted(output)) 8000  →  http://localhost:8000/",
            "  4. Contoh berita, kegiatan, SK dan statistik adalah draf: ganti isinya lalu hapus `draft: true`, atau hapus berkasnya.",
            "     Hapus `sample: true` di site.yaml bila situs siap terbit.",
            "     The examples are drafts: rewrite them and remove `draft: true`, or delete them; remove `sample: true` when ready.",
            "  5. Terbitkan / Publish: deploy/nginx.conf (server kantor / office server), .github/workflows/gugus.yml, .gitlab-ci.yml (GitHub/GitLab Pages).",
        ]
        if withTheme {
            lines += ["", "Tema disalin ke templates/: berkas di sana menggantikan tema bawaan. / The theme is in templates/."]
        }
        return lines.joined(separator: "\n")
    }

    func quoted(_ path: String) -> String {
        path.contains(" ") ? "\"\(path)\"" : path
    }
}
