/// The settings files of a new site: `site.yaml` and `regions.yaml` with Indonesian comments.
/// The example region is Kabupaten Semarang (Jawa Tengah), in the default time zone (WIB).
enum ScaffoldSettings {
    static let regionCode = "33.22"

    static let siteYAML = #"""
        # Pengaturan situs. Baris yang diawali # hanya keterangan; Gugus tidak membacanya.
        # Teks yang berisi ": " ditulis dalam tanda kutip, mis. title: "Gugus Tugas: Kabupaten X".

        # Nama situs, tampil di kepala setiap halaman dan di tab peramban.
        title: "Gugus Tugas PP-TPPO Kabupaten Semarang (contoh)"
        # Kalimat singkat di bawah nama situs.
        tagline: "Informasi pencegahan dan penanganan tindak pidana perdagangan orang"
        # Alamat situs di internet, diawali https://. GANTI dengan alamat situs Anda.
        base_url: https://gugus-tppo.example.id
        # Bahasa situs: id (Indonesia) atau en (Inggris).
        language: id
        # Zona waktu jam kegiatan: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).
        time_zone: Asia/Jakarta
        # Banyaknya tulisan pada satu halaman daftar (berita, kegiatan...).
        per_page: 10
        # Selama bernilai true, setiap halaman diberi tanda bahwa isinya contoh.
        # Hapus baris ini setelah semua contoh diganti dengan isi yang sebenarnya.
        sample: true

        # Kantor pengelola situs. region adalah kode wilayah kantor dari regions.yaml (dalam tanda kutip);
        # `gugus new` memakainya sebagai wilayah bawaan kegiatan dan SK baru.
        organization:
          name: "Gugus Tugas Pencegahan dan Penanganan TPPO Kabupaten Semarang (contoh)"
          short_name: "GT PP-TPPO"
          address: "d/a Dinas PPPA, Jalan Contoh No. 1 (ganti dengan alamat kantor)"
          email: sekretariat@gugus-tppo.example.id
          phone: "024-0000000"
          region: "33.22"

        # Layanan pengaduan, tampil di setiap halaman. SAPA 129 adalah layanan nasional
        # Kementerian PPPA (telepon 129, WhatsApp 08111-129-129); tambahkan layanan daerah di bawahnya.
        hotlines:
          - name: SAPA 129 KemenPPPA
            phone: "129"
            whatsapp: "08111-129-129"
            url: https://www.kemenpppa.go.id/
            hours: "24 jam"
          - name: Layanan Darurat Polri
            phone: "110"
            hours: "24 jam"

        # Menu utama. Halaman di content/pages dengan `menu: 1`, `menu: 2`... ditambahkan sesudahnya.
        menu:
          - title: Berita
            url: /berita/
          - title: Kegiatan
            url: /kegiatan/
          - title: Regulasi
            url: /regulasi/
          - title: Statistik
            url: /statistik/

        # Pengelola konten lewat peramban (Decap CMS atau Sveltia CMS) di alamat /admin/.
        # Untuk mengaktifkan, hapus tanda # di depan empat baris berikut dan isi repositori situs:
        # backend github, gitlab atau git-gateway; repo nama-akun/nama-repositori; branch cabang yang diterbitkan.
        # cms:
        #   backend: github
        #   repo: nama-akun/nama-repositori
        #   branch: main

        """#

    static let regionsYAML = #"""
        # Direktori wilayah: kode wilayah Kemendagri yang dipakai situs.
        # Setiap wilayah punya code (dalam tanda kutip), name, level (national, province,
        # regency atau city) dan parent (kode wilayah induknya). Tingkat nasional memakai kode ID.
        # Ganti contoh provinsi dan kabupaten di bawah dengan wilayah Anda; tambahkan wilayah lain
        # yang disebut di berita, kegiatan atau SK.
        - code: ID
          name: Indonesia
          level: national
        - code: "33"
          name: Jawa Tengah
          level: province
          parent: ID
        - code: "33.22"
          name: Kabupaten Semarang
          level: regency
          parent: "33"

        """#

    static let gitignore = """
        # Hasil `gugus build`: dibuat ulang setiap kali, tidak perlu disimpan di Git.
        public/
        # Simpanan foto yang sudah diolah (ukuran kecil, tanpa lokasi GPS): dibuat ulang bila hilang.
        .gugus-cache/

        """
}
