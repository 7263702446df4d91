/// How to publish a new site, written by `gugus init` beside `content/`: an nginx server
/// block for the office's own server, and CI files that build the site on every push and
/// publish it to GitHub Pages or GitLab Pages. The CI files install Gugus from its Debian
/// package instead of compiling it. The security headers come from `SecurityPolicy`, the
/// same source as the pages' Content-Security-Policy meta tag.
public enum DeployRecipes {
    /// The folder of the built site on the server, in the nginx recipe.
    public static let serverRoot = "/var/www/gugus/public"
    /// Caching for files whose name holds a content hash (`style.3f9a1c2b7d.css`): they never change.
    public static let immutableCache = "public, max-age=31536000, immutable"
    /// Caching for every other file: five minutes, then the browser asks again (a cheap 304).
    public static let shortCache = "public, max-age=300"
    /// The address of a file Gugus named with its content hash: a theme asset
    /// (`/assets/style.3f9a1c2b7d.css`) or a photo's derivative (`rapat-480w.3f9a1c2b7d.webp`),
    /// `.` and 10 lower-case hex digits before the extension. Not any such name: a decree
    /// uploaded as `sk.2024123101.pdf` may be replaced under the same name.
    public static let hashedNamePattern = "(^" + SiteAddress.assetsFolder + #".+|-[0-9]+w)\.[0-9a-f]{10}\.[a-z0-9]+$"#

    public static let files: [(path: String, text: String)] = [
        ("deploy/nginx.conf", nginx),
        (".github/workflows/gugus.yml", githubWorkflow),
        (".gitlab-ci.yml", gitlabCI),
    ]

    /// `add_header` lines for the security headers, each with `always` (so that error pages,
    /// the 404 among them, carry them too).
    static func headerLines(_ headers: [SecurityPolicy.Header], indent: String) -> String {
        headers.map { "\(indent)add_header \($0.name) \"\($0.value)\" always;" }.joined(separator: "\n")
    }

    public static let nginx: String = {
        let all = headerLines(SecurityPolicy.headers, indent: "        ")
        let admin = headerLines(SecurityPolicy.headersWithoutCSP, indent: "        ")
        return #"""
            # nginx untuk situs Gugus / nginx for a Gugus site (written by `gugus init`)
            #
            # Memasang di server kantor (Debian/Ubuntu, sebagai root):
            # Installing on the office's server (Debian/Ubuntu, as root):
            #   apt install nginx libnginx-mod-http-brotli-static
            #   cp deploy/nginx.conf /etc/nginx/sites-available/gugus
            #   ln -s /etc/nginx/sites-available/gugus /etc/nginx/sites-enabled/gugus
            #   rm /etc/nginx/sites-enabled/default        # halaman contoh nginx / nginx's welcome page
            #   nginx -t && systemctl reload nginx
            #
            # Menerbitkan (setiap kali isi berubah) / Publishing (after every change):
            #   gugus build -o /var/www/gugus/public
            # Gugus menulis situs baru di samping folder itu lalu menukarnya sekaligus: pengunjung
            # tidak pernah melihat situs setengah jadi. / Gugus writes the new site beside that
            # folder and swaps it in at once: visitors never see a half-written site.
            # (Membangun di komputer lain? Salin dengan / Built elsewhere? Copy with:
            #   rsync -a --delete public/ server:/var/www/gugus/public/ )
            #
            # HTTPS: apt install certbot python3-certbot-nginx && certbot --nginx -d ALAMAT-SITUS
            # Setelah HTTPS berjalan, boleh ditambahkan di setiap blok yang memuat add_header:
            # Once HTTPS works, you may add to every block that holds add_header lines:
            #   add_header Strict-Transport-Security "max-age=31536000" always;

            server {
                listen 80;
                listen [::]:80;
                # GANTI dengan alamat situs / CHANGE to the site's address (as in base_url of content/site.yaml).
                server_name gugus-tppo.example.id;

                # GANTI bila situs disimpan di folder lain / CHANGE if the site lives in another folder.
                root \#(serverRoot);
                index index.html;

                charset utf-8;
                charset_types text/css text/plain text/xml text/csv text/calendar text/yaml application/javascript application/json application/atom+xml application/manifest+json image/svg+xml;
                # Jenis berkas: daftar nginx, ditambah yang belum dikenalnya (blok types di sini
                # menggantikan daftar bawaan, jadi daftar itu dimuat lagi lebih dulu).
                # File types: nginx's list, plus those it lacks (a types block here replaces the
                # inherited list, so that list is included again first).
                include /etc/nginx/mime.types;
                types {
                    text/calendar ics;
                    application/manifest+json webmanifest;
                    text/csv csv;
                    text/yaml yml yaml;
                }

                # Berkas yang sudah dimampatkan oleh `gugus build` (FILE.br, FILE.gz) dikirim apa
                # adanya kepada peramban yang menerimanya. / The compressed copies that `gugus build`
                # writes beside each text file (FILE.br, FILE.gz) are sent to browsers that accept them.
                # brotli_static perlu paket libnginx-mod-http-brotli-static; tanpa paket itu, hapus
                # barisnya. / brotli_static needs the package libnginx-mod-http-brotli-static;
                # without it, delete that line.
                gzip_static on;
                brotli_static on;
                gzip_vary on;

                # Pengalihan ke /berita/ (dari /berita) tetap memakai alamat yang diminta pengunjung.
                # Redirects (/berita to /berita/) keep the host and port the visitor asked for.
                absolute_redirect off;
                server_tokens off;

                # Halaman yang tidak ada, dan folder tanpa halaman, menampilkan halaman 404 situs.
                # Missing pages, and folders without a page, show the site's 404 page.
                error_page 404 \#(SiteAddress.notFound);
                error_page 403 =404 \#(SiteAddress.notFound);

                # PENTING / IMPORTANT: nginx hanya mewarisi add_header dari server {} ke location {}
                # yang TIDAK punya add_header sendiri. Karena itu setiap location di bawah mengulang
                # semua header keamanan: bila menambah location, salin juga baris-barisnya.
                # nginx passes add_header down only to a location that has none of its own, so every
                # location below repeats all the security headers: copy them into any location you add.
                # Header ini sama dengan Content-Security-Policy di setiap halaman (dari kode Gugus).
                # These are the same as each page's Content-Security-Policy meta tag (from Gugus).

                # Alamat bersih: /berita/judul/ adalah berkas berita/judul/index.html.
                # Clean URLs: /berita/judul/ is the file berita/judul/index.html.
                location / {
                    try_files $uri $uri/ =404;
                    add_header Cache-Control "\#(shortCache)" always;
            \#(all)
                }

                # Berkas dengan sidik isi di namanya (style.3f9a1c2b7d.css, rapat-480w.3f9a1c2b7d.webp)
                # tidak pernah berubah: boleh disimpan peramban setahun.
                # Files named with their content hash never change: browsers may keep them a year.
                location ~ "\#(hashedNamePattern)" {
                    try_files $uri =404;
                    add_header Cache-Control "\#(immutableCache)" always;
            \#(all)
                }

                # Pengelola konten (Decap CMS) memuat skripnya dari unpkg.com dan menghubungi GitHub
                # atau GitLab, sehingga tidak memakai Content-Security-Policy situs.
                # The content editor (Decap CMS) loads its script from unpkg.com and talks to GitHub
                # or GitLab, so it goes without the site's Content-Security-Policy.
                location \#(SiteAddress.admin) {
                    try_files $uri $uri/ =404;
                    add_header Cache-Control "no-cache" always;
            \#(admin)
                }
            }

            """#
    }()

    public static let githubWorkflow = #"""
        # Bangun situs dan terbitkan ke GitHub Pages setiap kali ada perubahan di cabang main.
        # Builds the site and publishes it to GitHub Pages on every push to main (written by `gugus init`).
        #
        # Sekali saja / Once:
        #  1. Settings → Pages → Build and deployment → Source: GitHub Actions.
        #  2. Settings → Secrets and variables → Actions → Variables → New repository variable:
        #       nama / name:  GUGUS_DEB_URL
        #       isi / value:  alamat unduhan paket Gugus, mis. lampiran sebuah rilis:
        #                     the download address of the Gugus package, e.g. a release attachment:
        #                     https://github.com/NAMA/REPO/releases/download/v1.0.0/gugus_1.0.0_amd64.deb
        #     Gugus dipasang dari paket itu (tidak dikompilasi): tiap build hanya perlu ± 1 menit.
        #     Gugus is installed from that package (not compiled): a build takes about a minute.
        #  3. Settings → Pages → Custom domain: alamat situs, sama dengan base_url di content/site.yaml.
        #     Alamat halaman Gugus dimulai dari "/", jadi situs perlu domain sendiri atau repositori
        #     bernama NAMA.github.io (bukan NAMA.github.io/REPO).
        #     The site's links start at "/": use a custom domain, or a repository named NAME.github.io.
        name: Terbitkan situs / Publish the site

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        # Satu penerbitan pada satu waktu; yang sedang berjalan diselesaikan.
        # One deployment at a time; the one under way is finished.
        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            # Debian 12, sistem tempat paket Gugus dibuat. / Debian 12, the system the package is built for.
            container: debian:bookworm
            env:
              DEBIAN_FRONTEND: noninteractive
            steps:
              - name: Ambil isi situs / Check out the site
                uses: actions/checkout@v4

              - name: Pasang Gugus dari paket .deb / Install Gugus from its .deb package
                env:
                  GUGUS_DEB_URL: ${{ vars.GUGUS_DEB_URL }}
                run: |
                  if [ -z "$GUGUS_DEB_URL" ]; then
                    echo "::error::Isi variabel GUGUS_DEB_URL (Settings → Secrets and variables → Actions → Variables) / Set the repository variable GUGUS_DEB_URL"
                    exit 1
                  fi
                  apt-get update -qq
                  apt-get install -y -qq ca-certificates curl
                  curl -fsSL --retry 3 -o gugus.deb "$GUGUS_DEB_URL"
                  # apt memasang juga pustaka yang diperlukan Gugus / apt also installs the libraries Gugus needs.
                  apt-get install -y ./gugus.deb
                  rm gugus.deb
                  gugus --version

              # Foto yang sudah diolah disimpan antar-build / Processed photos are kept between builds.
              - name: Simpanan foto / Photo cache
                uses: actions/cache@v4
                with:
                  path: .gugus-cache
                  key: gugus-cache-${{ hashFiles('content/media/**') }}
                  restore-keys: gugus-cache-

              # GitHub Pages memampatkan sendiri: tanpa salinan .gz/.br / GitHub Pages compresses
              # by itself and ignores .gz/.br copies: none are written.
              - name: Bangun situs / Build the site
                run: gugus build --no-compress

              - name: Unggah public/ / Upload public/
                uses: actions/upload-pages-artifact@v3
                with:
                  path: public

          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Terbitkan ke GitHub Pages / Deploy to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """#

    public static let gitlabCI = #"""
        # Bangun situs dan terbitkan ke GitLab Pages setiap kali ada perubahan di cabang utama.
        # Builds the site and publishes it to GitLab Pages on every push to the default branch
        # (written by `gugus init`).
        #
        # Sekali saja / Once:
        #  1. Settings → CI/CD → Variables → Add variable:
        #       GUGUS_DEB_URL = alamat unduhan paket Gugus (.deb) / the download address of the Gugus package
        #     Gugus dipasang dari paket itu (tidak dikompilasi). / Gugus is installed from it (not compiled).
        #  2. Deploy → Pages: alamat situs harus berupa domain (domain sendiri, atau "unique domain"
        #     GitLab), sama dengan base_url di content/site.yaml: alamat halaman Gugus dimulai dari "/".
        #     The site must be served at the root of a domain (a custom domain or GitLab's unique
        #     domain), the same as base_url in content/site.yaml: Gugus's links start at "/".
        pages:
          # Debian 12, sistem tempat paket Gugus dibuat. / Debian 12, the system the package is built for.
          image: debian:bookworm
          variables:
            DEBIAN_FRONTEND: noninteractive
          # Foto yang sudah diolah disimpan antar-build / Processed photos are kept between builds.
          cache:
            key: gugus-cache
            paths:
              - .gugus-cache/
          script:
            - test -n "$GUGUS_DEB_URL" || { echo "Isi variabel GUGUS_DEB_URL / Set the CI/CD variable GUGUS_DEB_URL"; exit 1; }
            - apt-get update -qq
            - apt-get install -y -qq ca-certificates curl
            - curl -fsSL --retry 3 -o gugus.deb "$GUGUS_DEB_URL"
            # apt memasang juga pustaka yang diperlukan Gugus / apt also installs the libraries Gugus needs.
            - apt-get install -y ./gugus.deb
            - rm gugus.deb
            - gugus --version
            - gugus build
          artifacts:
            paths:
              - public
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

        """#
}
