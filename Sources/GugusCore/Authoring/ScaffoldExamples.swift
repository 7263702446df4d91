import Foundation

/// One example of each content type for a new site, linked to each other the way real
/// content is (news → event → decree, news → page), dated around the day of `gugus init`.
///
/// The invented examples (news, event, decree, statistics) are drafts: `gugus build --drafts`
/// shows them, but they never reach the public site by accident, and since drafts are not
/// recorded in `published-urls.txt`, deleting them later needs no `gone.yaml` entry. The
/// page "Cara Melapor" holds real information (SAPA 129) and is published.
enum ScaffoldExamples {
    static let draftNote = """
        # Contoh dari `gugus init`: ganti isinya atau hapus berkas ini. Selama `draft: true`,
        # berkas ini hanya tampil dengan `gugus build --drafts`; hapus baris itu untuk menerbitkan.
        """

    static func files(today: CivilDate) -> [(path: String, text: String)] {
        let eventDay = today.adding(days: 14)
        let number = "100/CONTOH/\(today.year)"
        return [
            ("content/news/situs-gugus-tugas-diluncurkan.md", news(today: today, number: number)),
            ("content/events/sosialisasi-pencegahan-tppo.md", event(day: eventDay, number: number)),
            ("content/decrees/sk-pembentukan-gugus-tugas.md", decree(today: today, number: number)),
            ("content/pages/cara-melapor.md", page),
            ("content/statistics/laporan-kasus.md", statistics),
            ("content/statistics/laporan-kasus.csv", statisticsCSV(year: today.year)),
        ]
    }

    static func news(today: CivilDate, number: String) -> String {
        """
        ---
        \(draftNote)
        draft: true
        title: Situs Gugus Tugas PP-TPPO Diluncurkan (contoh)
        date: \(today)
        summary: Contoh berita. Ganti atau hapus berkas ini, lalu tulis berita baru dengan `gugus new berita "Judul"`.
        tags: [contoh]
        region: "\(ScaffoldSettings.regionCode)"
        events: [sosialisasi-pencegahan-tppo]
        decrees: [\(number)]
        ---
        Ini **contoh berita** yang dibuat oleh `gugus init`. Berita ditulis dalam Markdown di
        folder `content/news/`; nama berkas menjadi alamatnya: `/berita/situs-gugus-tugas-diluncurkan/`.

        Tautan ke halaman lain ditulis ke berkasnya, misalnya [cara melapor](../pages/cara-melapor.md);
        Gugus mengubahnya menjadi alamat situs dan memeriksa bahwa tujuannya ada.

        """
    }

    static func event(day: CivilDate, number: String) -> String {
        """
        ---
        \(draftNote)
        draft: true
        title: Sosialisasi Pencegahan TPPO bagi Calon Pekerja Migran (contoh)
        kind: sosialisasi
        start: \(day)T09:00
        end: \(day)T12:00
        region: "\(ScaffoldSettings.regionCode)"
        location: Aula Kantor Kecamatan (contoh)
        attendance: offline
        organizer: Gugus Tugas PP-TPPO (contoh)
        audience: Calon pekerja migran dan keluarganya
        participants: [Dinas Tenaga Kerja, Dinas Sosial, Kepolisian Resor]
        decree: \(number)
        ---
        Contoh kegiatan. Kegiatan yang akan datang tampil paling atas di `/kegiatan/` dan masuk
        ke kalender `/kegiatan/kalender.ics`.

        """
    }

    static func decree(today: CivilDate, number: String) -> String {
        """
        ---
        \(draftNote)
        draft: true
        title: Pembentukan Gugus Tugas PP-TPPO Kabupaten Semarang (contoh)
        number: \(number)
        kind: Keputusan Bupati
        issuer: Bupati Semarang
        date: \(today)
        region: "\(ScaffoldSettings.regionCode)"
        subjects: [pembentukan gugus tugas]
        members:
          - {role: Ketua, position: Bupati}
          - {role: Ketua Harian, position: Kepala Dinas PPPA}
          - {role: Anggota, agency: Kepolisian Resor}
        ---
        Contoh SK. Alamat halaman SK dibuat dari nomornya: `\(number)` menjadi
        `/regulasi/\(Slug.make(from: number))/`. SK yang mengubah atau mencabut SK lain
        menuliskan nomornya di `amends` atau `revokes`.

        """
    }

    static let page = """
        ---
        title: Cara Melapor
        summary: Ke mana melapor bila Anda mengetahui atau mengalami perdagangan orang.
        menu: 1
        ---
        Bila Anda mengetahui atau mengalami tindak pidana perdagangan orang, laporkan segera.
        Laporan dirahasiakan.

        ## SAPA 129

        Layanan Sahabat Perempuan dan Anak (SAPA) Kementerian Pemberdayaan Perempuan dan
        Perlindungan Anak menerima pengaduan 24 jam:

        - telepon **129**
        - WhatsApp **08111-129-129**

        ## Keadaan darurat

        Hubungi polisi di **110**.

        """

    static let statistics = """
        ---
        \(draftNote)
        draft: true
        title: Laporan Kasus TPPO per Tahun (contoh)
        data: laporan-kasus.csv
        x: tahun
        unit: laporan
        chart: bar
        description: Angka contoh, bukan data sebenarnya. Ganti isi laporan-kasus.csv dengan data Anda.
        region: "\(ScaffoldSettings.regionCode)"
        ---
        Data ditulis di berkas CSV di samping berkas ini: baris pertama berisi nama kolom,
        setiap baris berikutnya satu tahun.

        """

    static func statisticsCSV(year: Int) -> String {
        "tahun,laporan\n\(year - 3),4\n\(year - 2),7\n\(year - 1),5\n"
    }
}

extension CivilDate {
    /// The date `days` later (earlier when negative), in the proleptic Gregorian calendar.
    func adding(days: Int) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let start = TimeZoneInfo.foundationDate(self)
        guard let later = calendar.date(byAdding: .day, value: days, to: start) else { return self }
        let parts = calendar.dateComponents([.year, .month, .day], from: later)
        return CivilDate(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? day) ?? self
    }
}
